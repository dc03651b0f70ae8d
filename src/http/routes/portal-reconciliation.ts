import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { PortalUnavailable } from '../../adapters/national-portal/portal-client.ts'
import type { PortalListingClient } from '../../adapters/national-portal/portal-listing.ts'
import { reconciliationCsv } from '../../adapters/reports/reconciliation-csv.ts'
import type { IntakeDeps } from '../../app/portal/intake-dossier.ts'
import { reconcileWindow } from '../../app/portal/reconcile-with-portal.ts'
import { repullNationalDossier, resendDossier } from '../../app/portal/resync-from-reconciliation.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { parseIsoDate } from '../../domain/calendar/local-time.ts'
import type { Db } from '../../store/database.ts'
import { type RunRow, recentRuns, runById } from '../../store/portal/reconciliation-runs.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'
import { ReconciliationRunView } from '../schemas/reconciliation-run.ts'

/** The portal's list and the intake's parts, when the portal is configured (PORTAL_BASE_URL, PORTAL_API_KEY). */
export type ReconciliationRouteOptions = {
  readonly db: Db
  readonly now: () => Date
  readonly portal: { readonly listing: PortalListingClient; readonly intake: IntakeDeps } | null
}

/** The longest window one request may compare, so one click cannot page through a year of dossiers. */
const maxWindowDays = 31

const viewOf = (r: RunRow): ReconciliationRunView => ({
  ...r,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  items: r.items
    ? { portalOnly: [...r.items.portalOnly], motcuaOnly: [...r.items.motcuaOnly], mismatched: [...r.items.mismatched] }
    : null,
})

const problems = { 400: Type.Ref('Problem'), 404: Type.Ref('Problem'), 503: Type.Ref('Problem') }
const day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description })
const actorOf = (p: { name: string; userId: string }) => `${p.name} (${p.userId})`

/** Đối soát với Cổng DVCQG for the provincial administrator (rules.md "Reconciliation with the national portal"). */
export const portalReconciliationRoutes: FastifyPluginAsyncTypebox<ReconciliationRouteOptions> = async (
  app,
  { db, now, portal },
) => {
  const config = { permission: Permission.PortalReconcile }

  app.get(
    '/api/portal/reconciliation/runs',
    {
      config,
      schema: {
        operationId: 'listReconciliationRuns',
        tags: ['integrations'],
        summary: 'Các lần đối soát / Reconciliation runs, newest first (without their lists)',
        response: {
          200: Type.Object({ runs: Type.Array(ReconciliationRunView, { description: 'The last 30 runs' }) }),
        },
      },
    },
    async () => ({ runs: (await recentRuns(db, 30)).map(viewOf) }),
  )

  app.post(
    '/api/portal/reconciliation/runs',
    {
      config,
      schema: {
        operationId: 'runReconciliation',
        tags: ['integrations'],
        summary: 'Đối soát ngay / Compare a window of submission days with the portal now (kept as a run)',
        body: Type.Object(
          { from: day('First submission day (Vietnam time)'), to: day('Last submission day, inclusive') },
          { additionalProperties: false },
        ),
        response: { 201: ReconciliationRunView, ...problems },
      },
    },
    async (request, reply) => {
      const { from, to } = request.body
      const [a, b] = [parseIsoDate(from), parseIsoDate(to)]
      if (a === null || b === null || a > b || b - a >= maxWindowDays)
        return sendProblem(reply, problem('reconciliationWindow', 400))
      if (!portal) return sendProblem(reply, problem('reconciliationNotConfigured', 503))
      const run = await reconcileWindow({ db, listing: portal.listing, now }, { from, to }, actorOf(callerOf(request)))
      return reply.code(201).send(viewOf(run))
    },
  )

  app.get(
    '/api/portal/reconciliation/runs/:id',
    {
      config,
      schema: {
        operationId: 'getReconciliationRun',
        tags: ['integrations'],
        summary: 'Một lần đối soát / One run with its three lists',
        params: Type.Object({ id: Type.String({ format: 'uuid', description: 'The run' }) }),
        response: { 200: ReconciliationRunView, ...problems },
      },
    },
    async (request, reply) => {
      const run = await runById(db, request.params.id)
      return run ? viewOf(run) : sendProblem(reply, problem('notFound', 404))
    },
  )

  app.get(
    '/api/portal/reconciliation/runs/:id/report.csv',
    {
      config,
      schema: {
        operationId: 'downloadReconciliationReport',
        tags: ['integrations'],
        summary: "Tải báo cáo đối soát (CSV) / A finished run's differences as CSV, one row each",
        params: Type.Object({ id: Type.String({ format: 'uuid', description: 'The run' }) }),
        response: {
          200: Type.String({ description: 'text/csv', contentMediaType: 'text/csv' }),
          404: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const run = await runById(db, request.params.id)
      if (!run?.items) return sendProblem(reply, problem('notFound', 404))
      const body = reconciliationCsv(run.items)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="doi-soat-${run.windowFrom}-${run.windowTo}.csv"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(body)
    },
  )

  app.post(
    '/api/portal/reconciliation/resends',
    {
      config,
      schema: {
        operationId: 'resendToPortal',
        tags: ['integrations'],
        summary: 'Gửi lại lên Cổng / Re-send the current version of a dossier through the outbox (audited)',
        body: Type.Object(
          { dossierId: Type.String({ format: 'uuid', description: 'The dossier to re-send' }) },
          { additionalProperties: false },
        ),
        response: {
          202: Type.Object({
            version: Type.Integer({ description: 'The version that will be sent' }),
            previouslyAcknowledged: Type.Integer({ description: 'The version the portal had acknowledged (0: none)' }),
          }),
          ...problems,
          409: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const outcome = await resendDossier(db, {
        dossierId: request.body.dossierId,
        actor: actorOf(callerOf(request)),
        now: now(),
      })
      if (outcome.kind === 'not-syncable') return sendProblem(reply, problem('reconciliationNotSyncable', 409))
      return reply.code(202).send({ version: outcome.version, previouslyAcknowledged: outcome.previouslyAcknowledged })
    },
  )

  app.post(
    '/api/portal/reconciliation/repulls',
    {
      config,
      schema: {
        operationId: 'repullFromPortal',
        tags: ['integrations'],
        summary:
          'Lấy lại hồ sơ từ Cổng / Take in a national dossier by its id through the intake (idempotent, audited)',
        body: Type.Object(
          {
            nationalId: Type.String({ pattern: '^[A-Za-z0-9._-]{1,100}$', description: 'MaHoSoQuocGia' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            outcome: Type.String({
              description: 'created, pending (attachments later), rejected, not-found or invalid',
            }),
            dossierId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
              description: "motcua's dossier once created, else null",
            }),
            detail: Type.Union([Type.String(), Type.Null()], { description: 'Why it is pending or refused' }),
          }),
          ...problems,
          502: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      if (!portal) return sendProblem(reply, problem('reconciliationNotConfigured', 503))
      try {
        const outcome = await repullNationalDossier(
          { ...portal.intake, listing: portal.listing },
          { nationalId: request.body.nationalId, actor: actorOf(callerOf(request)) },
        )
        return {
          outcome: outcome.kind,
          dossierId: outcome.kind === 'created' ? outcome.dossierId : null,
          detail: 'detail' in outcome ? (outcome.detail ?? null) : null,
        }
      } catch (error) {
        if (error instanceof PortalUnavailable)
          return sendProblem(reply, problem('reconciliationPortalUnavailable', 502))
        throw error
      }
    },
  )
}
