import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorsFor, Permission } from '../../domain/access/route-permissions.ts'
import { formatInstant } from '../../domain/calendar/local-time.ts'
import { AlertKind } from '../../domain/deadline-watch/alerts-due.ts'
import { alertWording } from '../../domain/deadline-watch/wording.ts'
import type { Db } from '../../store/database.ts'
import { alertsFor } from '../../store/deadline-watch/deadline-alerts.ts'
import { callerOf } from '../auth/access-control.ts'

const problems = { 400: Type.Ref('Problem'), 401: Type.Ref('Problem'), 403: Type.Ref('Problem') }

/** Cảnh báo thời hạn: one alert of the deadline watcher as an officer reads it (rules.md "Deadline watcher"). */
const OfficeAlert = Type.Object({
  dossierId: Type.String({ description: 'The dossier the alert is about' }),
  code: Type.Union([Type.String(), Type.Null()], { description: 'Mã hồ sơ' }),
  kind: Type.Union(
    Object.values(AlertKind).map((k) => Type.Literal(k)),
    {
      description:
        'step-warning / dossier-warning: one working day before the step’s due time or the appointment; dossier-overdue-escalation: the appointment passed without an apology in time; supplement-expired: the supplement limit passed and the dossier was stopped',
    },
  ),
  title: Type.String({ description: 'What the alert says, in Vietnamese' }),
  titleEn: Type.String({ description: 'What the alert says, in English' }),
  deadlineAt: Type.String({ description: 'The deadline it is about, Vietnam time' }),
  raisedAt: Type.String({ description: 'When the watcher raised it, Vietnam time' }),
})

/** The signed-in officer's deadline alerts: to their account, or to a role they hold at an agency. */
export const officeAlertRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/office/alerts',
    {
      config: { permission: Permission.QueueRead },
      schema: {
        operationId: 'getOfficeAlerts',
        tags: ['dossiers'],
        summary: 'Cảnh báo thời hạn của tôi / My deadline alerts (warnings, escalations, stops), newest first',
        querystring: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Alerts to list at most' }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(OfficeAlert, { description: 'Alerts of dossiers still open' }) }),
          ...problems,
        },
      },
    },
    async (request) => {
      const principal = callerOf(request)
      const grants = actorsFor(principal, null).flatMap((a) =>
        a.agencyId === null ? [] : [{ role: a.role, agencyId: a.agencyId }],
      )
      const rows = await alertsFor(db, principal.userId, grants, request.query.limit)
      return {
        items: rows.map((r) => ({
          dossierId: r.dossierId,
          code: r.code,
          kind: r.kind,
          title: alertWording[r.kind].vi,
          titleEn: alertWording[r.kind].en,
          deadlineAt: formatInstant(r.deadlineAt),
          raisedAt: formatInstant(r.raisedAt),
        })),
      }
    },
  )
}
