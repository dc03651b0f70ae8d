import { type InvitationOptions, invites, sendInvitation } from '../app/survey/send-invitation.ts'
import type { Consumer } from './consumer.ts'

/** Invitations to answer the SIPAS survey (rules.md "Satisfaction survey (SIPAS)"), by SMS or e-mail. */
export function surveyInvitationConsumer(options: InvitationOptions): Consumer {
  return { name: 'survey-invitations', accepts: invites, deliver: (message) => sendInvitation(options, message) }
}
