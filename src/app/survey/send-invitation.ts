import type { Mailer } from '../../adapters/mail/smtp-mailer.ts'
import type { SmsSender } from '../../adapters/sms/sms-gateway.ts'
import type { OutboxMessage } from '../../domain/delivery/outbox-message.ts'
import { unaccented } from '../../domain/notifications/sms-text.ts'
import { type SurveyInvitation, surveyInvitationTopic } from './open-survey-period.ts'

export type InvitationOptions = { readonly mailer: Mailer; readonly sms: SmsSender }

export const invites = (message: OutboxMessage) => message.topic === surveyInvitationTopic

/**
 * Mời trả lời phiếu khảo sát: one SMS to the applicant's phone (the gateway drops a repeat by the
 * message key as request id), or, without a phone, one e-mail, each with the link. One attempt: a
 * failure is thrown for the relay to retry.
 */
export async function sendInvitation(options: InvitationOptions, message: OutboxMessage): Promise<void> {
  const invitation = message.payload as unknown as SurveyInvitation
  const text = `Moi ong/ba danh gia su hai long ve ho so ${invitation.dossierCode}: ${invitation.link}`
  if (invitation.phone !== null) {
    await options.sms.send({ to: invitation.phone, content: unaccented(text), requestId: message.key })
    return
  }
  if (invitation.email !== null)
    await options.mailer.send({
      to: invitation.email,
      subject: `Khảo sát sự hài lòng về hồ sơ ${invitation.dossierCode} / Satisfaction survey`,
      text: [
        `Kính mời ông/bà đánh giá sự hài lòng về việc giải quyết hồ sơ ${invitation.dossierCode}:`,
        invitation.link,
        '',
        `Please tell us how satisfied you are with the handling of dossier ${invitation.dossierCode}: ${invitation.link}`,
      ].join('\n'),
      attachments: [],
    })
}
