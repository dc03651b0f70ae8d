import type { FastifyReply } from 'fastify'
import { type Static, Type } from 'typebox'
import { type MessageKey, message } from './i18n/messages.ts'

/** RFC 9457 problem details, Vietnamese first with the English text beside it. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'URI naming the kind of problem' }),
    status: Type.Integer({ description: 'The HTTP status code of the answer' }),
    title: Type.String({ description: 'Short title in Vietnamese' }),
    detail: Type.String({ description: 'Explanation in Vietnamese' }),
    en: Type.Object(
      {
        title: Type.String({ description: 'Short title in English' }),
        detail: Type.String({ description: 'Explanation in English' }),
      },
      { description: 'The same in English' },
    ),
    instance: Type.Optional(Type.String({ description: 'Request id, to quote when reporting the problem' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({ description: 'Where the wrong input is, e.g. body/items/0 or querystring/from' }),
          message: Type.String({ description: 'What is wrong with it, in Vietnamese when there is a translation' }),
          en: Type.Optional(Type.String({ description: 'The same in English' })),
        }),
        { description: 'Which inputs were wrong and why (validation problems)' },
      ),
    ),
  },
  { $id: 'Problem', description: 'Problem details (RFC 9457), Vietnamese first with the English beside it' },
)
export type Problem = Static<typeof Problem>

export type ProblemKind =
  | 'csrf'
  | 'loginFailed'
  | 'accountLocked'
  | 'rateLimited'
  | 'demoDisabled'
  | 'lookupNotFound'
  | 'passwordWeak'
  | 'oidcFailed'
  | 'vneidUnavailable'
  | 'dossierNotFound'
  | 'noDeclaration'
  | 'conflict'
  | 'refused'
  | 'idempotencyKeyMissing'
  | 'idempotencyKeyReused'
  | 'forbidden'
  | 'actorMissing'
  | 'unauthorized'
  | 'adminDisabled'
  | 'calendarYearInvalid'
  | 'calendarYearNotFound'
  | 'holidayRuleInvalid'
  | 'holidayRuleExists'
  | 'holidayRuleNotFound'
  | 'outOfCalendar'
  | 'validation'
  | 'notFound'
  | 'procedureNotFound'
  | 'draftNotFound'
  | 'agencyNotFound'
  | 'databaseUnavailable'
  | 'internal'
  | 'payloadTooLarge'
  | 'unsupportedMediaType'
  | 'paymentUnavailable'
  | 'paymentNotAwaited'
  | 'paymentNotFound'
  | 'paymentCallbackInvalid'
  | 'reuseNotOffered'
  | 'vaultItemDoesNotFit'
  | 'onlineAtNationalPortal'
  | 'inboundNotConfigured'
  | 'reconciliationNotConfigured'
  | 'reconciliationWindow'
  | 'reconciliationNotSyncable'
  | 'reconciliationPortalUnavailable'
  | 'inboundUnauthenticated'
  | 'inboundUnknownProcedure'
  | 'inboundUnknownReceivingUnit'
  | 'inboundHashMismatch'
  | 'inboundAttachmentTooLarge'
  | 'inboundAttachmentType'
  | 'inboundAttachmentUnavailable'
  | 'inboundRefused'
  | 'petitionNotFound'
  | 'petitionConflict'
  | 'petitionSameAgency'
  | 'petitionEarlierNotFound'
  | 'petitionEarlierNotAnswered'
  | 'surveyNotFound'
  | 'surveyAnswerNotAllowed'
  | 'documentNotFound'
  | 'documentConflict'
  | 'documentRefused'
  | 'documentHandlerInvalid'
  | 'documentReplyInvalid'
  | 'documentRecipientInvalid'
  | 'consultationRecipientInvalid'
  | 'petitionInboundUnknownUnit'
  | 'petitionInboundUnknownDossier'
  | 'parRoundNotFound'
  | 'parRoundExists'
  | 'parConflict'
  | 'parRefused'
  | 'catalogueChangeSetNotFound'
  | 'catalogueChangeSetDecided'
  | 'catalogueChangeSetStale'
  | 'catalogueChangeSetTooEarly'
  | 'catalogueNotConfigured'
  | 'catalogueUnavailable'
  | 'programmeNotFound'
  | 'programmeTargetNotFound'
  | 'programmeTargetNotReported'
  | 'programmeTargetExists'
  | 'reformPlanExists'
  | 'reformPlanNotFound'
  | 'reformTaskNotFound'
  | 'reformTaskConflict'
  | 'reformEvidenceRequired'
  | 'reformEvidenceInvalid'

export function problem(kind: ProblemKind, status: number, extra: Partial<Problem> = {}): Problem {
  const title = message(`problem.${kind}.title` as MessageKey)
  const detail = message(`problem.${kind}.detail` as MessageKey)
  return {
    type: `urn:motcua:problem:${kind}`,
    status,
    title: title.vi,
    detail: detail.vi,
    en: { title: title.en, detail: detail.en },
    ...extra,
  }
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply
    .code(body.status)
    .type('application/problem+json; charset=utf-8')
    .header('content-language', 'vi')
    .send({ ...body, instance: body.instance ?? reply.request.id })
}
