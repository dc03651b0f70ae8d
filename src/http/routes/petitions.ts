import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type TSchema, Type } from 'typebox'
import type { PetitionDeps } from '../../app/petitions/petition-deps.ts'
import { type CommandOutcome, runPetitionCommand } from '../../app/petitions/run-petition-command.ts'
import { submitPetition } from '../../app/petitions/submit-petition.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { parseIsoDate } from '../../domain/calendar/local-time.ts'
import type { FollowUpRefusal, PetitionActor, PetitionCommand } from '../../domain/petitions/actions.ts'
import { answerDueAt } from '../../domain/petitions/handling-limits.ts'
import { petitionIndicators } from '../../domain/petitions/indicators.ts'
import { foldPetition } from '../../domain/petitions/petition.ts'
import {
  followUpsBefore,
  loadPetitionEvents,
  petitionQueue,
  petitionsOfOwner,
  petitionsOfPeriod,
  publishedPetitions,
} from '../../store/petitions/petition-store.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'
import {
  FollowsUpField,
  PetitionCategoryField,
  PetitionSubmissionBody,
  PetitionView,
  PublishedPetition,
  petitionView,
  publishedView,
} from '../schemas/petition-view.ts'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}
const expectedVersion = Type.Optional(
  Type.Integer({ minimum: 1, description: 'The version the caller saw; a different current version answers 409' }),
)
const figure = (description: string) =>
  Type.Object(
    {
      numerator: Type.Integer({ description: 'Petitions that meet the indicator' }),
      denominator: Type.Integer({ description: 'Petitions counted for it in the period' }),
      percent: Type.Union([Type.Number(), Type.Null()], { description: 'Null (n/a) when the denominator is 0' }),
    },
    { description },
  )
/** Decision 766 group 5 (rules.md, Petitions). */
const PetitionIndicatorFigures = Type.Object({
  '5.1': figure('Share of the petitions received in the period that carry a category'),
  '5.2': figure('Share of the petitions finished (refused or answered) in the period within every limit'),
  '5.3': figure('Answered petitions in the period, less the dissatisfied and the late ones'),
})
const text = (description: string) => Type.String({ minLength: 1, maxLength: 10_000, description })

/** One command per verb, each with its own body (style: commands are verbs). */
export const petitionCommandRoutes: readonly {
  readonly path: string
  readonly action: PetitionCommand['action']
  readonly summary: string
  readonly body: TSchema
}[] = [
  {
    path: 'classification',
    action: 'classify',
    summary: 'Phân loại / Classify',
    body: Type.Object({ category: PetitionCategoryField }),
  },
  {
    path: 'refusal',
    action: 'refuse',
    summary: 'Từ chối tiếp nhận / Refuse',
    body: Type.Object({ reason: text('Lý do từ chối') }),
  },
  {
    path: 'supplement-requests',
    action: 'request-supplement',
    summary: 'Đề nghị bổ sung / Ask for a supplement',
    body: Type.Object({ items: text('Nội dung cần bổ sung') }),
  },
  {
    path: 'supplements',
    action: 'supplement',
    summary: 'Bổ sung / Supplement',
    body: Type.Object({ content: text('Nội dung bổ sung') }),
  },
  {
    path: 'assignment',
    action: 'assign',
    summary: 'Chuyển cơ quan có thẩm quyền / Route to the responsible agency',
    body: Type.Object({ agencyId: Type.String({ minLength: 1, description: 'The responsible agency' }) }),
  },
  {
    path: 'answer',
    action: 'answer',
    summary: 'Trả lời / Answer',
    body: Type.Object({ answer: text('Kết quả xử lý') }),
  },
  {
    path: 'publication-consent',
    action: 'consent-to-publish',
    summary: 'Đồng ý công khai / Consent to publication',
    body: Type.Object({ consent: Type.Boolean({ description: 'True: the answer may be published' }) }),
  },
  {
    path: 'rating',
    action: 'rate',
    summary: 'Đánh giá / Rate the answer',
    body: Type.Object({ satisfied: Type.Boolean({ description: 'Hài lòng với kết quả xử lý' }) }),
  },
  {
    path: 'dossier-link',
    action: 'link-dossier',
    summary: 'Gắn hồ sơ / Link a dossier',
    body: Type.Object({ dossierCode: Type.String({ minLength: 1, maxLength: 40, description: 'Mã hồ sơ' }) }),
  },
  {
    path: 'follow-up',
    action: 'mark-follow-up',
    summary: 'Đánh dấu là phản ánh lặp lại / Mark as a follow-up of an answered petition',
    body: Type.Object({ followsUp: FollowsUpField }),
  },
]

function actorOf(p: Principal): PetitionActor {
  return p.kind === 'citizen' ? { kind: 'petitioner', id: p.userId } : { kind: 'staff', id: p.userId, grants: p.grants }
}

const workflow = ['counter_officer', 'specialist', 'leader', 'clerk']

function sendOutcome(reply: Parameters<typeof sendProblem>[0], outcome: CommandOutcome, actor: PetitionActor) {
  switch (outcome.kind) {
    case 'done':
      return petitionView(outcome.petition, outcome.dueAt, actor)
    case 'notFound':
      return sendProblem(reply, problem('petitionNotFound', 404))
    case 'refused':
      return sendProblem(reply, problem(outcome.refusal === 'sameAgency' ? 'petitionSameAgency' : 'refused', 409))
    case 'conflict':
      return sendProblem(reply, problem('petitionConflict', 409))
    case 'agencyNotFound':
      return sendProblem(reply, problem('agencyNotFound', 404))
    case 'dossierNotFound':
      return sendProblem(reply, problem('dossierNotFound', 404))
    case 'earlierNotFound':
    case 'earlierNotAnswered':
      return sendProblem(reply, followUpProblem(outcome.kind))
  }
}

const followUpProblem = (refusal: FollowUpRefusal) =>
  problem(refusal === 'earlierNotFound' ? 'petitionEarlierNotFound' : 'petitionEarlierNotAnswered', 422)

/**
 * Phản ánh, kiến nghị (rules.md, Petitions): submission by anyone with a name and a contact, the
 * officers' queue and commands, the public list of published answers and the group-5 figures.
 */
export const petitionRoutes: FastifyPluginAsyncTypebox<PetitionDeps> = async (app, deps) => {
  const { db } = deps
  app.post(
    '/api/petitions',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'submitPetition',
        tags: ['petitions'],
        summary: 'Gửi phản ánh, kiến nghị / Submit a petition (signed in or not; at the counter by an officer)',
        body: PetitionSubmissionBody,
        response: { 201: PetitionView, ...problems },
      },
    },
    async (request, reply) => {
      const body = request.body
      if (body.petitioner.phone === null && body.petitioner.email === null)
        return sendProblem(
          reply,
          problem('validation', 400, {
            errors: [
              {
                path: 'body/petitioner',
                message: 'Cần số điện thoại hoặc thư điện tử để trả lời',
                en: 'A phone number or an e-mail address to answer to is required',
              },
            ],
          }),
        )
      // A session acts only with its CSRF token: without it the petition is anonymous.
      const session = request.csrfToken !== null && request.headers['x-csrf-token'] === request.csrfToken
      const p = session ? request.principal : null
      const atCounter =
        p !== null &&
        p.kind === 'officer' &&
        p.grants.some((g) => g.role === 'counter_officer' && g.agencyId === body.receivingAgencyId)
      const outcome = await submitPetition(
        deps,
        {
          ...body,
          channel: atCounter ? 'counter' : 'portal',
          ownerUserId: p?.kind === 'citizen' ? p.userId : null,
        },
        p === null ? 'anonymous' : p.userId,
      )
      if (outcome.kind === 'agencyNotFound') return sendProblem(reply, problem('agencyNotFound', 404))
      if (outcome.kind === 'dossierNotFound') return sendProblem(reply, problem('dossierNotFound', 404))
      if (outcome.kind === 'earlierNotFound' || outcome.kind === 'earlierNotAnswered')
        return sendProblem(reply, followUpProblem(outcome.kind))
      reply.code(201)
      return petitionView(outcome.petition, outcome.dueAt, p === null ? null : actorOf(p))
    },
  )

  app.get(
    '/api/petitions/published',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'listPublishedPetitions',
        tags: ['petitions'],
        summary: 'Phản ánh, kiến nghị đã trả lời / Answered petitions published with consent',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200, description: 'Words to find, with or without diacritics' })),
          limit: Type.Optional(
            Type.Integer({ minimum: 1, maximum: 100, default: 50, description: 'At most this many' }),
          ),
        }),
        response: {
          200: Type.Object({ items: Type.Array(PublishedPetition, { description: 'Newest first' }) }),
          400: Type.Ref('Problem'),
        },
      },
    },
    async (request) => ({
      items: (await publishedPetitions(db, request.query.q ?? '', request.query.limit ?? 50)).map(publishedView),
    }),
  )

  app.get(
    '/api/petitions/queue',
    {
      config: { permission: Permission.PetitionQueue },
      schema: {
        operationId: 'listPetitionQueue',
        tags: ['petitions'],
        summary: 'Hàng đợi phản ánh, kiến nghị / Open petitions of my agencies, soonest due first',
        response: {
          200: Type.Object({ items: Type.Array(PetitionView, { description: 'Open petitions' }) }),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
        },
      },
    },
    async (request) => {
      const p = callerOf(request)
      const agencies =
        p.kind === 'citizen' ? [] : p.grants.filter((g) => workflow.includes(g.role)).map((g) => g.agencyId)
      const actor = actorOf(p)
      return { items: (await petitionQueue(db, agencies)).map((r) => petitionView(r.petition, r.dueAt, actor)) }
    },
  )

  app.get(
    '/api/petitions/mine',
    {
      config: { permission: Permission.PetitionCommand },
      schema: {
        operationId: 'listMyPetitions',
        tags: ['petitions'],
        summary: 'Phản ánh, kiến nghị của tôi / The signed-in citizen’s own petitions, newest first',
        response: {
          200: Type.Object({ items: Type.Array(PetitionView, { description: 'My petitions (none for staff)' }) }),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
        },
      },
    },
    async (request) => {
      const p = callerOf(request)
      if (p.kind !== 'citizen') return { items: [] }
      const actor = actorOf(p)
      return { items: (await petitionsOfOwner(db, p.userId)).map((r) => petitionView(r.petition, r.dueAt, actor)) }
    },
  )

  app.get(
    '/api/petitions/indicators',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'getPetitionIndicators',
        tags: ['petitions'],
        summary: 'Chỉ tiêu 5.1–5.3 (Quyết định 766) / Group-5 petition indicators for a period',
        querystring: Type.Object({
          from: Type.String({ format: 'date', description: 'First day (local), inclusive' }),
          to: Type.String({ format: 'date', description: 'Last day (local), inclusive' }),
          agencyId: Type.Optional(Type.String({ description: 'One agency; all when absent' })),
        }),
        response: {
          200: PetitionIndicatorFigures,
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const from = parseIsoDate(request.query.from)
      const to = parseIsoDate(request.query.to)
      if (from === null || to === null || to < from) return sendProblem(reply, problem('validation', 400))
      const period = {
        from: new Date(`${request.query.from}T00:00:00+07:00`),
        to: new Date(new Date(`${request.query.to}T00:00:00+07:00`).getTime() + 86_400_000),
      }
      const [petitions, followUps] = await Promise.all([
        petitionsOfPeriod(db, period.from, period.to, request.query.agencyId ?? null),
        followUpsBefore(db, period.to),
      ])
      return petitionIndicators(petitions, period, await deps.calendars.forAgencies(), followUps)
    },
  )

  app.get(
    '/api/petitions/:code',
    {
      config: { permission: Permission.PetitionCommand },
      schema: {
        operationId: 'getPetition',
        tags: ['petitions'],
        summary: 'Xem phản ánh, kiến nghị / A petition (its petitioner or the agencies handling it)',
        params: Type.Object({ code: Type.String({ description: 'PAKN.yyyymmdd.nnnn' }) }),
        response: { 200: PetitionView, ...problems },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      const petition = foldPetition(await loadPetitionEvents(db, request.params.code))
      if (petition === null) return sendProblem(reply, problem('petitionNotFound', 404))
      const reads =
        p.kind === 'citizen'
          ? petition.ownerUserId === p.userId
          : p.grants.some(
              (g) =>
                g.role === 'provincial_admin' ||
                g.agencyId === petition.agencyId ||
                g.agencyId === petition.receivingAgencyId,
            )
      if (!reads) return sendProblem(reply, problem('forbidden', 403))
      const calendar = await deps.calendars.forAgencies()
      return petitionView(petition, answerDueAt(calendar(petition.agencyId), petition), actorOf(p))
    },
  )

  for (const route of petitionCommandRoutes)
    app.post(
      `/api/petitions/:code/${route.path}`,
      {
        config: { permission: Permission.PetitionCommand },
        schema: {
          operationId: `petition-${route.path}`.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
          tags: ['petitions'],
          summary: route.summary,
          params: Type.Object({ code: Type.String({ description: 'PAKN.yyyymmdd.nnnn' }) }),
          body: Type.Object(
            { ...(route.body as ReturnType<typeof Type.Object>).properties, expectedVersion },
            { additionalProperties: false },
          ),
          response: { 200: PetitionView, ...problems, 409: Type.Ref('Problem') },
        },
      },
      async (request, reply) => {
        const actor = actorOf(callerOf(request))
        const { expectedVersion: version, ...fields } = request.body as Record<string, unknown> & {
          expectedVersion?: number
        }
        const command = { action: route.action, ...fields } as PetitionCommand
        return sendOutcome(reply, await runPetitionCommand(deps, request.params.code, command, actor, version), actor)
      },
    )
}
