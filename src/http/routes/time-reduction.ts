import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type Static, Type } from 'typebox'
import { Permission } from '../../domain/access/route-permissions.ts'
import { dayOf, isoDate } from '../../domain/calendar/local-time.ts'
import { ReducedBy } from '../../domain/catalog/publication.ts'
import { TimeLimit } from '../../domain/catalog/time-limit.ts'
import type { Db } from '../../store/database.ts'
import { cutCandidates, type DoneWindow, timeReduction } from '../../store/kpi/time-reduction.ts'
import { problem, sendProblem } from '../problem.ts'
import { unknownAgency, windowOf } from './indicators.ts'

const datePattern = '^\\d{4}-\\d{2}-\\d{2}$'
const windowFields = {
  from: Type.Optional(
    Type.String({ pattern: datePattern, description: 'First day of completion (Vietnam time); default: 365 days ago' }),
  ),
  to: Type.Optional(
    Type.String({ pattern: datePattern, description: 'Last day of completion, inclusive; default: yesterday' }),
  ),
}
const days = (description: string) => Type.Union([Type.Number(), Type.Null()], { description })
const distributionFields = {
  count: Type.Integer({ minimum: 0, description: 'Dossiers done (end kind done) in the window' }),
  meanDays: days('Mean processing time in working days (480 office minutes each, pauses excluded)'),
  medianDays: days('Median processing time in working days (mean of the two middle values for an even count)'),
  p90Days: days('90th percentile in working days, nearest-rank method: the time at rank ⌈0.9 × count⌉'),
}
const limitFields = {
  name: Type.String({ description: 'Procedure name in the version in force at the end of the window' }),
  configuredLimit: TimeLimit,
  statutoryLimit: Type.Union([TimeLimit, Type.Null()], {
    description: 'The limit in the law (from the national TTHC database once synced); null = not recorded',
  }),
  statutorySource: Type.Union([Type.String(), Type.Null()], {
    description:
      'Where the statutory limit comes from: the national TTHC database record or the article of the law; null = not recorded',
  }),
  reducedBy: Type.Union([ReducedBy, Type.Null()], {
    description:
      'The provincial decision (number, date) that set the configured limit below the statute; null = none recorded',
  }),
  reductionIllustrative: Type.Boolean({
    description:
      'true = the cut below the statute is an illustration in demo data, not a real provincial decision (reducedBy is then null)',
  }),
  configuredLimitDays: days(
    'Configured limit in working days (calendar days count as working days); null = no fixed limit',
  ),
  statutoryLimitDays: days('Statutory limit in working days; null = not recorded or no fixed limit'),
}
const share = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
  description: 'Share 0–1 (2 decimals) of the done dossiers; null without dossiers',
})
const WindowView = Type.Object(
  {
    from: Type.String({ description: 'First day of completion, YYYY-MM-DD' }),
    to: Type.String({ description: 'Last day of completion, inclusive' }),
  },
  { description: 'The completion days the figures cover' },
)

export const TimeReductionView = Type.Object({
  procedure: Type.String({ description: 'Procedure code' }),
  agencyId: Type.Union([Type.String(), Type.Null()], { description: 'Processing agency, or null for all' }),
  window: WindowView,
  ...limitFields,
  ...distributionFields,
  histogram: Type.Array(
    Type.Object({
      day: Type.Integer({ minimum: 1, description: 'Working day k: more than k − 1 and at most k working days' }),
      count: Type.Integer({ minimum: 0, description: 'Dossiers done within that working day' }),
    }),
    { description: 'Dossiers done by working days taken' },
  ),
  longestStep: Type.Union(
    [
      Type.Object({
        name: Type.String({ description: 'Workflow step' }),
        dossiers: Type.Integer({ minimum: 0, description: 'Dossiers that went through the step' }),
        meanMinutes: Type.Number({ description: 'Mean office minutes spent in the step' }),
        meanBudgetMinutes: Type.Number({ description: 'Mean budget of the step in office minutes' }),
        meanOverrun: Type.Number({ description: 'Mean of (minutes − budget) / budget; 0.5 = half again the budget' }),
      }),
      Type.Null(),
    ],
    { description: 'The step that overruns its budget most; null without data' },
  ),
  whatIf: Type.Array(
    Type.Object({
      limitDays: Type.Number({ description: 'Candidate limit in working days' }),
      share,
    }),
    { description: 'If the limit were cut to limitDays, this share of the window’s done dossiers would have met it' },
  ),
})
export type TimeReductionView = Static<typeof TimeReductionView>

export const CutCandidatesView = Type.Object({
  window: WindowView,
  rows: Type.Array(
    Type.Object({
      procedure: Type.String({ description: 'Procedure code' }),
      ...limitFields,
      ...distributionFields,
      shareWithinConfigured: share,
      suggestedLimitDays: Type.Union([Type.Integer(), Type.Null()], {
        description: 'The 90th percentile rounded up to whole working days, when below the configured limit',
      }),
    }),
    { description: 'Procedures whose dossiers finish well within their limit, busiest first' },
  ),
})
export type CutCandidatesView = Static<typeof CutCandidatesView>

/** The asked window, or the 365 days before today. */
function doneWindow(query: { from?: string; to?: string }, now: Date) {
  const today = dayOf(now.getTime())
  return windowOf({ from: query.from ?? isoDate(today - 365), to: query.to ?? isoDate(today - 1) }, now)
}

const asWindow = (w: DoneWindow): DoneWindow => ({ from: w.from, to: w.to })

/** Rút ngắn thời gian giải quyết: actual processing times against the limits (issue item 4). */
export const timeReductionRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  const TimeReductionQuery = Type.Object(
    {
      procedure: Type.String({ minLength: 1, description: 'Procedure code' }),
      agency: Type.Optional(Type.String({ minLength: 1, description: 'Processing agency id' })),
      ...windowFields,
      cutTo: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 365, description: 'A limit in working days to add to the what-if' }),
      ),
    },
    { additionalProperties: false },
  )
  app.get(
    '/api/indicators/time-reduction',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'getTimeReduction',
        tags: ['indicators'],
        summary: 'Phân tích rút ngắn thời hạn giải quyết / Processing times of a procedure against its limits',
        querystring: TimeReductionQuery,
        response: { 200: TimeReductionView, 400: Type.Ref('Problem'), 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const q = request.query
      const w = doneWindow(q, now())
      if ('status' in w) return sendProblem(reply, w)
      if (await unknownAgency(db, reply, q.agency)) return reply
      const analysis = await timeReduction(db, {
        ...asWindow(w),
        procedureCode: q.procedure,
        agencyId: q.agency,
        cutTo: q.cutTo,
      })
      if (analysis === null) return sendProblem(reply, problem('procedureNotFound', 404))
      return analysis
    },
  )

  const CandidatesQuery = Type.Object(
    {
      ...windowFields,
      limit: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 100, description: 'How many procedures (busiest first); default 20' }),
      ),
    },
    { additionalProperties: false },
  )
  app.get(
    '/api/indicators/time-reduction/candidates',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'listTimeReductionCandidates',
        tags: ['indicators'],
        summary: 'Thủ tục có thể rút ngắn thời hạn / Busiest procedures, actual times against their limits',
        querystring: CandidatesQuery,
        response: { 200: CutCandidatesView, 400: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const q = request.query
      const w = doneWindow(q, now())
      if ('status' in w) return sendProblem(reply, w)
      return { window: asWindow(w), rows: await cutCandidates(db, { ...asWindow(w), limit: q.limit ?? 20 }) }
    },
  )
}
