import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Principal } from '../../domain/access/principal.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import { getPreferences, setPreferences } from '../../store/notifications/preferences.ts'
import { vaultOwnerOf } from '../../store/vault/vault-items.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

const email = Type.Boolean({ description: 'Nhận thông báo qua e-mail, tới địa chỉ ghi trong hồ sơ (rules.md §8)' })
const sms = Type.Boolean({ description: 'Nhận tin nhắn SMS, tới số điện thoại ghi trong hồ sơ (rules.md §8)' })

/** The channels the applicant chose for notices about their dossiers. */
const NotificationPreferences = Type.Object({
  email,
  sms,
  chosen: Type.Boolean({
    description: 'False while the citizen has never chosen: every channel with a known address is used',
  }),
})
/** The citizen's choice, as sent. */
const NotificationPreferencesChoice = Type.Object({ email, sms }, { additionalProperties: false })

const problems = { 400: Type.Ref('Problem'), 401: Type.Ref('Problem'), 403: Type.Ref('Problem') }

/**
 * The key the notification consumer looks preferences up by: the applicant key of the dossiers this
 * citizen submits, which carry the identity number their account holds (see POST /api/dossiers).
 */
const applicantKeyOf = (p: Extract<Principal, { kind: 'citizen' }>) =>
  vaultOwnerOf({ id: p.userId, identityNumber: p.identityNumber })

/** Nhận thông báo: the signed-in citizen reads and sets the channels (e-mail, SMS) of their notices. */
export const notificationPreferenceRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (
  app,
  { db, now },
) => {
  app.get(
    '/api/my-notification-preferences',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'getMyNotificationPreferences',
        tags: ['dossiers'],
        summary: 'Kênh nhận thông báo của tôi / My notice channels (e-mail, SMS)',
        response: { 200: NotificationPreferences, ...problems },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      if (p.kind !== 'citizen') return sendProblem(reply, problem('forbidden', 403))
      const chosen = await getPreferences(db, applicantKeyOf(p))
      return chosen ? { ...chosen, chosen: true } : { email: true, sms: true, chosen: false }
    },
  )

  app.put(
    '/api/my-notification-preferences',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'setMyNotificationPreferences',
        tags: ['dossiers'],
        summary: 'Chọn kênh nhận thông báo / Choose my notice channels',
        body: NotificationPreferencesChoice,
        response: { 200: NotificationPreferences, ...problems },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      if (p.kind !== 'citizen') return sendProblem(reply, problem('forbidden', 403))
      const body = request.body
      const saved = await setPreferences(db, applicantKeyOf(p), body, now(), `${p.name} (${p.userId})`)
      return { ...saved, chosen: true }
    },
  )
}
