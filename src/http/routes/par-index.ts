import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type Static, Type } from 'typebox'
import { figuresOfUnit, figuresOfYear, noYearFigures, type YearFigures } from '../../app/par-index/figures-of-year.ts'
import { openRound } from '../../app/par-index/open-round.ts'
import type { ParIndexDeps } from '../../app/par-index/par-index-deps.ts'
import { type AssessmentOutcome, runAssessmentCommand } from '../../app/par-index/run-assessment-command.ts'
import { runRoundCommand } from '../../app/par-index/run-round-command.ts'
import { rankingOf, resultsOf, standingOf } from '../../app/par-index/scores-of-round.ts'
import { setDeadlines } from '../../app/par-index/set-deadlines.ts'
import { uploadEvidence } from '../../app/par-index/upload-evidence.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import {
  type AssessmentCommand,
  availableActions,
  canSeeAssessment,
  canSeeProgress,
  canSeeRanking,
  type ParActor,
} from '../../domain/par-index/actions.ts'
import { demoCriteriaSets } from '../../domain/par-index/demo-criteria-sets.ts'
import type { FigureSources } from '../../domain/par-index/figure-sources.ts'
import { type ParRound, RoundStatus, type UnitAssessment } from '../../domain/par-index/round.ts'
import { answerableLeaves, finalAnswers, scoreUnit, type UnitFigures } from '../../domain/par-index/scoring.ts'
import {
  evidenceCounts,
  evidenceOf,
  listRounds,
  loadAssessment,
  loadRound,
  officerAccounts,
  roundAssessments,
  roundOf,
} from '../../store/par-index/par-index-store.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'
import {
  Answers,
  AssessmentView,
  CouncilCandidates,
  CriteriaSet,
  EvidenceView,
  ProgressView,
  RankingView,
  RoundView,
} from './par-index-schemas.ts'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}
const RoundParams = Type.Object({
  id: Type.String({ maxLength: 40, description: 'Kỳ đánh giá: year-unitKind, e.g. 2026-department' }),
})
const UnitParams = Type.Object({
  ...RoundParams.properties,
  unitId: Type.String({ maxLength: 80, description: 'The unit (agency id)' }),
})
const expectedVersion = Type.Optional(
  Type.Integer({
    minimum: 0,
    description: 'The assessment version the caller saw; a different current version answers 409',
  }),
)
const text = (description: string) => Type.String({ minLength: 1, maxLength: 10_000, description })

const actorOf = (p: Principal): ParActor => ({ id: p.userId, grants: p.kind === 'citizen' ? [] : p.grants })

function roundView(round: ParRound, actor: ParActor, now: Date): Static<typeof RoundView> {
  return {
    id: round.id,
    year: round.year,
    unitKind: round.criteriaSet.unitKind,
    status: round.status,
    criteriaSet: round.criteriaSet as Static<typeof CriteriaSet>,
    units: [...round.units],
    council: [...round.council],
    selfAssessmentDeadline: round.selfAssessmentDeadline,
    explanationDeadline: round.explanationDeadline,
    lockedAt: round.lockedAt,
    publishedAt: round.publishedAt,
    version: round.version,
    availableActions: availableActions(round, null, actor, now),
  }
}

/** A unit's figures with their sources: fixed at locking (no source before sources were kept), or live. */
/** The sources shown (FigureSourcesView); a round locked before sources were kept has none. */
type Sources = { readonly satisfaction: FigureSources['satisfaction'] | null }

function figuresFor(round: ParRound, unitId: string, live: YearFigures): { figures: UnitFigures; sources: Sources } {
  if (round.results === null) return figuresOfUnit(live, unitId)
  const locked = round.results.find((r) => r.unitId === unitId)
  return { figures: locked?.figures ?? {}, sources: locked?.sources ?? { satisfaction: null } }
}

/** An explanation refused by the domain, as a problem naming the leaf when there is one. */
function refusalProblem(outcome: Extract<AssessmentOutcome, { kind: 'refused' }>) {
  const leaf = outcome.leaf === undefined ? 'body' : `body/answers/${outcome.leaf}`
  const errors = {
    unknownLeaf: [
      'không có tiêu chí này hoặc đơn vị không tự chấm tiêu chí này',
      'no such criterion, or not one a unit answers',
    ],
    wrongAnswer: [
      'câu trả lời không đúng loại hoặc mức không có trong thang',
      'wrong kind of answer, or a level not on the scale',
    ],
    evidenceMissing: ['cần tài liệu kiểm chứng', 'evidence is required'],
    unknownEvidence: ['tài liệu kiểm chứng chưa được tải lên cho đơn vị này', 'evidence not uploaded for this unit'],
  } as const
  if (outcome.refusal === 'notAllowed' && outcome.leaf === undefined) return problem('parRefused', 409)
  const [message, en] =
    outcome.refusal === 'notAllowed'
      ? (['đơn vị không tự chấm điểm trừ', 'a unit does not set its own penalty'] as const)
      : errors[outcome.refusal]
  return problem('validation', 400, { errors: [{ path: leaf, message, en }] })
}

/**
 * Chỉ số CCHC of departments and communes (rules.md, PAR index of departments and communes): the
 * provincial administrator opens a year, units self-assess with evidence, the council appraises,
 * units explain, the round is locked, ranked and published.
 */
export const parIndexRoutes: FastifyPluginAsyncTypebox<ParIndexDeps> = async (app, deps) => {
  const { db, now } = deps

  app.get(
    '/api/par-index/rounds',
    {
      config: { permission: Permission.ParIndex },
      schema: {
        operationId: 'listParRounds',
        tags: ['par-index'],
        summary: 'Các kỳ đánh giá Chỉ số CCHC / PAR-index rounds',
        response: {
          200: Type.Object({ items: Type.Array(RoundView, { description: 'Newest year first' }) }),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
        },
      },
    },
    async (request) => {
      const actor = actorOf(callerOf(request))
      return { items: (await listRounds(db)).map((r) => roundView(r, actor, now())) }
    },
  )

  app.post(
    '/api/par-index/rounds',
    {
      config: { permission: Permission.ParIndexManage },
      schema: {
        operationId: 'openParRound',
        tags: ['par-index'],
        summary: 'Mở kỳ đánh giá Chỉ số CCHC / Open a year’s PAR-index round',
        body: Type.Object(
          {
            year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Năm đánh giá' }),
            unitKind: Type.Union([Type.Literal('department'), Type.Literal('commune')], {
              description: 'Sở, ban, ngành or UBND cấp xã',
            }),
            criteriaSet: Type.Optional(CriteriaSet),
            council: Type.Array(Type.String({ minLength: 1 }), {
              minItems: 1,
              maxItems: 50,
              description: 'Hội đồng thẩm định: the members’ account ids',
            }),
            selfAssessmentDeadline: Type.String({ format: 'date-time', description: 'Hạn tự đánh giá' }),
            explanationDeadline: Type.String({ format: 'date-time', description: 'Hạn giải trình' }),
          },
          { additionalProperties: false, description: 'Without a criteriaSet, the demo’s set of that year and kind' },
        ),
        response: { 201: RoundView, ...problems, 409: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const b = request.body
      const criteriaSet = b.criteriaSet ?? demoCriteriaSets.find((s) => s.year === b.year && s.unitKind === b.unitKind)
      const invalid = (message: string, en: string) =>
        sendProblem(reply, problem('validation', 400, { errors: [{ path: 'body/criteriaSet', message, en }] }))
      if (criteriaSet === undefined)
        return invalid('chưa có bộ tiêu chí cho năm và loại đơn vị này', 'no criteria set for this year and kind')
      if (criteriaSet.year !== b.year || criteriaSet.unitKind !== b.unitKind)
        return invalid('bộ tiêu chí không cùng năm hoặc loại đơn vị', 'the criteria set is of another year or kind')
      const actor = actorOf(callerOf(request))
      const outcome = await openRound(deps, { ...b, criteriaSet }, actor)
      if (outcome.kind === 'forbidden') return sendProblem(reply, problem('forbidden', 403))
      if (outcome.kind === 'exists') return sendProblem(reply, problem('parRoundExists', 409))
      if (outcome.kind === 'invalid')
        return sendProblem(
          reply,
          problem('validation', 400, { errors: outcome.problems.map((p) => ({ path: 'body', message: p, en: p })) }),
        )
      reply.code(201)
      return roundView(outcome.round, actor, now())
    },
  )

  app.get(
    '/api/par-index/rounds/:id',
    {
      config: { permission: Permission.ParIndex },
      schema: {
        operationId: 'getParRound',
        tags: ['par-index'],
        summary: 'Kỳ đánh giá / A round: its frozen criteria set, units, deadlines and what I may do',
        params: RoundParams,
        response: { 200: RoundView, ...problems },
      },
    },
    async (request, reply) => {
      const round = await loadRound(db, request.params.id)
      if (round === null) return sendProblem(reply, problem('parRoundNotFound', 404))
      return roundView(round, actorOf(callerOf(request)), now())
    },
  )

  app.get(
    '/api/par-index/council-candidates',
    {
      config: { permission: Permission.ParIndexManage },
      schema: {
        operationId: 'listParCouncilCandidates',
        tags: ['par-index'],
        summary: 'Tài khoản cán bộ để chọn Hội đồng thẩm định / Officer accounts to name to the appraisal council',
        response: { 200: CouncilCandidates, 401: Type.Ref('Problem'), 403: Type.Ref('Problem') },
      },
    },
    async () => ({ items: await officerAccounts(db) }),
  )

  app.get(
    '/api/par-index/rounds/:id/progress',
    {
      config: { permission: Permission.ParIndex },
      schema: {
        operationId: 'getParProgress',
        tags: ['par-index'],
        summary: 'Tiến độ tự đánh giá, thẩm định, giải trình của các đơn vị / Each unit’s progress (no scores)',
        params: RoundParams,
        response: { 200: ProgressView, ...problems },
      },
    },
    async (request, reply) => {
      const round = await loadRound(db, request.params.id)
      if (round === null) return sendProblem(reply, problem('parRoundNotFound', 404))
      if (!canSeeProgress(round, actorOf(callerOf(request)))) return sendProblem(reply, problem('forbidden', 403))
      const assessments = new Map((await roundAssessments(db, round.id)).map((a) => [a.unitId, a]))
      const files = await evidenceCounts(db, round.id)
      return {
        roundId: round.id,
        answerable: answerableLeaves(round.criteriaSet).filter((l) => l.method.kind !== 'penalty').length,
        units: round.units.map((u) => {
          const a = assessments.get(u.id)
          return {
            unitId: u.id,
            name: u.name,
            answered: Object.keys(a?.self ?? {}).length,
            evidence: files.get(u.id) ?? 0,
            selfAssessedAt: a?.selfAssessedAt ?? null,
            appraisedAt: a?.appraisedAt ?? null,
            explainedAt: a?.explainedAt ?? null,
          }
        }),
      }
    },
  )

  app.get(
    '/api/par-index/rounds/:id/units/:unitId',
    {
      config: { permission: Permission.ParIndex },
      schema: {
        operationId: 'getParAssessment',
        tags: ['par-index'],
        summary: 'Tự đánh giá và thẩm định của một đơn vị / One unit’s self-assessment, appraisal and scores',
        params: UnitParams,
        response: { 200: AssessmentView, ...problems },
      },
    },
    async (request, reply) => {
      const { id, unitId } = request.params
      const round = await loadRound(db, id)
      const a = round === null ? null : await loadAssessment(db, id, unitId)
      if (round === null || a === null) return sendProblem(reply, problem('parRoundNotFound', 404))
      const actor = actorOf(callerOf(request))
      if (!canSeeAssessment(round, unitId, actor, now())) return sendProblem(reply, problem('forbidden', 403))
      const live = round.results === null ? await figuresOfYear(db, round.year, now()) : noYearFigures
      return assessmentView(round, a, figuresFor(round, unitId, live), actor)
    },
  )

  async function assessmentView(
    round: ParRound,
    a: UnitAssessment,
    { figures, sources }: { figures: UnitFigures; sources: Sources },
    actor: ParActor,
  ) {
    return {
      roundId: a.roundId,
      unitId: a.unitId,
      unitName: round.units.find((u) => u.id === a.unitId)?.name ?? a.unitId,
      version: a.version,
      self: a.self as Static<typeof Answers>,
      note: a.note,
      selfAssessedAt: a.selfAssessedAt,
      appraisal: a.appraisal as Static<typeof Answers>,
      comments: { ...a.comments },
      appraisedAt: a.appraisedAt,
      explanation: a.explanation,
      explainedAt: a.explainedAt,
      figures,
      sources,
      selfScore: scoreUnit(round.criteriaSet, a.self, figures),
      finalScore: scoreUnit(round.criteriaSet, finalAnswers(a.self, a.appraisal), figures),
      evidence: (await evidenceOf(db, a.roundId, a.unitId)).map((e) => ({
        sha256: e.sha256,
        name: e.name,
        mediaType: e.mediaType,
        size: e.size,
        uploadedAt: e.uploadedAt.toISOString(),
      })),
      availableActions: availableActions(round, a, actor, now()),
    }
  }

  const commands: readonly {
    path: string
    action: AssessmentCommand['action']
    summary: string
    body: ReturnType<typeof Type.Object>
  }[] = [
    {
      path: 'self-assessment',
      action: 'self-assess',
      summary: 'Tự đánh giá, chấm điểm / Self-assess (the unit, before the deadline, with evidence)',
      body: Type.Object({ answers: Answers, note: Type.String({ maxLength: 10_000, description: 'Ghi chú' }) }),
    },
    {
      path: 'appraisal',
      action: 'appraise',
      summary: 'Thẩm định / Appraise (the council, after the deadline)',
      body: Type.Object({
        answers: Answers,
        comments: Type.Record(Type.String({ maxLength: 20 }), Type.String({ maxLength: 4000 }), {
          description: 'Ý kiến thẩm định by leaf code',
        }),
      }),
    },
    {
      path: 'explanation',
      action: 'explain',
      summary: 'Giải trình / Explain the council’s scores (the unit, once, within the window)',
      body: Type.Object({ explanation: text('Nội dung giải trình') }),
    },
  ]
  for (const c of commands)
    app.post(
      `/api/par-index/rounds/:id/units/:unitId/${c.path}`,
      {
        config: { permission: Permission.ParIndex },
        schema: {
          operationId: `par-${c.path}`.replace(/-(\w)/g, (_, x: string) => x.toUpperCase()),
          tags: ['par-index'],
          summary: c.summary,
          params: UnitParams,
          body: Type.Object({ ...c.body.properties, expectedVersion }, { additionalProperties: false }),
          response: { 200: AssessmentView, ...problems, 409: Type.Ref('Problem') },
        },
      },
      async (request, reply) => {
        const { id, unitId } = request.params
        const actor = actorOf(callerOf(request))
        const { expectedVersion: version, ...fields } = request.body as Record<string, unknown> & {
          expectedVersion?: number
        }
        const command = { action: c.action, ...fields } as AssessmentCommand
        const outcome = await runAssessmentCommand(deps, id, unitId, command, actor, version)
        if (outcome.kind === 'notFound') return sendProblem(reply, problem('parRoundNotFound', 404))
        if (outcome.kind === 'conflict') return sendProblem(reply, problem('parConflict', 409))
        if (outcome.kind === 'refused') return sendProblem(reply, refusalProblem(outcome))
        const round = (await loadRound(db, id)) as ParRound
        const live = round.results === null ? await figuresOfYear(db, round.year, now()) : noYearFigures
        return assessmentView(round, outcome.assessment, figuresFor(round, unitId, live), actor)
      },
    )

  app.post(
    '/api/par-index/rounds/:id/units/:unitId/evidence',
    {
      config: { permission: Permission.ParIndex },
      bodyLimit: Math.ceil((deps.maxEvidenceBytes * 4) / 3) + 4096,
      schema: {
        operationId: 'uploadParEvidence',
        tags: ['par-index'],
        summary: 'Tải lên tài liệu kiểm chứng / Upload an evidence file (PDF, JPEG, PNG) for a unit',
        params: UnitParams,
        body: Type.Object(
          {
            name: Type.Union([Type.String({ maxLength: 255 }), Type.Null()], { description: 'File name, for display' }),
            contentBase64: Type.String({ minLength: 1, description: 'The file, base64-encoded' }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: EvidenceView,
          ...problems,
          409: Type.Ref('Problem'),
          413: Type.Ref('Problem'),
          415: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const { id, unitId } = request.params
      const bytes = Buffer.from(request.body.contentBase64, 'base64')
      const outcome = await uploadEvidence(
        deps,
        id,
        unitId,
        { bytes, name: request.body.name },
        actorOf(callerOf(request)),
      )
      switch (outcome.kind) {
        case 'notFound':
          return sendProblem(reply, problem('parRoundNotFound', 404))
        case 'forbidden':
          return sendProblem(reply, problem('forbidden', 403))
        case 'closed':
          return sendProblem(reply, problem('parRefused', 409))
        case 'unsupported':
          return sendProblem(reply, problem('unsupportedMediaType', 415))
        case 'tooLarge':
          return sendProblem(reply, problem('payloadTooLarge', 413))
        case 'empty':
          return sendProblem(
            reply,
            problem('validation', 400, {
              errors: [{ path: 'body/contentBase64', message: 'tệp rỗng', en: 'the file is empty' }],
            }),
          )
        case 'done':
          reply.code(201)
          return { ...outcome.evidence, uploadedAt: outcome.evidence.uploadedAt.toISOString() }
      }
    },
  )

  app.get(
    '/api/par-index/rounds/:id/units/:unitId/evidence/:sha256',
    {
      config: { permission: Permission.ParIndex },
      schema: {
        operationId: 'downloadParEvidence',
        tags: ['par-index'],
        summary: 'Tải xuống tài liệu kiểm chứng / Download an evidence file',
        params: Type.Object({
          ...UnitParams.properties,
          sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file' }),
        }),
        response: {
          200: {
            description: 'The file',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { id, unitId, sha256 } = request.params
      const round = await loadRound(db, id)
      if (round === null) return sendProblem(reply, problem('parRoundNotFound', 404))
      if (!canSeeAssessment(round, unitId, actorOf(callerOf(request)), now()))
        return sendProblem(reply, problem('forbidden', 403))
      const row = (await evidenceOf(db, id, unitId)).find((e) => e.sha256 === sha256)
      const content = row === undefined ? null : await deps.storage.get(sha256)
      if (row === undefined || content === null) return sendProblem(reply, problem('notFound', 404))
      return reply.type(row.mediaType).header('content-disposition', 'attachment').send(content)
    },
  )

  for (const [path, action, summary] of [
    ['lock', 'lock', 'Chốt điểm / Lock the final scores (after the explanation deadline)'],
    ['publication', 'publish', 'Công bố kết quả / Publish the ranking'],
  ] as const)
    app.post(
      `/api/par-index/rounds/:id/${path}`,
      {
        config: { permission: Permission.ParIndex },
        schema: {
          operationId: action === 'lock' ? 'lockParRound' : 'publishParRound',
          tags: ['par-index'],
          summary,
          params: RoundParams,
          response: { 200: RoundView, ...problems, 409: Type.Ref('Problem') },
        },
      },
      async (request, reply) => {
        const actor = actorOf(callerOf(request))
        const outcome = await runRoundCommand(deps, request.params.id, action, actor)
        if (outcome.kind === 'notFound') return sendProblem(reply, problem('parRoundNotFound', 404))
        if (outcome.kind === 'refused') return sendProblem(reply, problem('parRefused', 409))
        if (outcome.kind === 'conflict') return sendProblem(reply, problem('parConflict', 409))
        return roundView(outcome.round, actor, now())
      },
    )

  const deadlineProblems = {
    selfPassed: [
      'hạn tự đánh giá đã qua, không thay đổi được nữa',
      'the self-assessment deadline has passed and can no longer change',
    ],
    selfInPast: ['hạn tự đánh giá mới phải sau thời điểm hiện tại', 'the new self-assessment deadline must be ahead'],
    explanationOrder: [
      'hạn giải trình phải sau hạn tự đánh giá',
      'the explanation deadline must be after the self-assessment deadline',
    ],
  } as const
  app.post(
    '/api/par-index/rounds/:id/deadlines',
    {
      config: { permission: Permission.ParIndexManage },
      schema: {
        operationId: 'setParDeadlines',
        tags: ['par-index'],
        summary: 'Gia hạn / Move the deadlines (the provincial administrator, while the explanation window is ahead)',
        params: RoundParams,
        body: Type.Object(
          {
            selfAssessmentDeadline: Type.String({
              format: 'date-time',
              description: 'Hạn tự đánh giá; once passed it stays as it was',
            }),
            explanationDeadline: Type.String({ format: 'date-time', description: 'Hạn giải trình' }),
            expectedVersion: Type.Optional(
              Type.Integer({ minimum: 1, description: 'The round version the caller saw; another answers 409' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: RoundView, ...problems, 409: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const { expectedVersion, ...deadlines } = request.body
      const actor = actorOf(callerOf(request))
      const outcome = await setDeadlines(deps, request.params.id, deadlines, actor, expectedVersion)
      if (outcome.kind === 'notFound') return sendProblem(reply, problem('parRoundNotFound', 404))
      if (outcome.kind === 'conflict') return sendProblem(reply, problem('parConflict', 409))
      if (outcome.kind === 'refused') {
        if (outcome.refusal === 'notAllowed') return sendProblem(reply, problem('parRefused', 409))
        const [message, en] = deadlineProblems[outcome.refusal]
        return sendProblem(reply, problem('validation', 400, { errors: [{ path: 'body', message, en }] }))
      }
      return roundView(outcome.round, actor, now())
    },
  )

  app.get(
    '/api/par-index/rounds/:id/ranking',
    {
      config: { permission: Permission.ParIndex },
      schema: {
        operationId: 'getParRanking',
        tags: ['par-index'],
        summary: 'Xếp hạng Chỉ số CCHC và so sánh với năm trước / The ranking beside last year’s',
        params: RoundParams,
        response: { 200: RankingView, ...problems },
      },
    },
    async (request, reply) => {
      const round = await loadRound(db, request.params.id)
      if (round === null) return sendProblem(reply, problem('parRoundNotFound', 404))
      if (!canSeeRanking(round, actorOf(callerOf(request)), now())) return sendProblem(reply, problem('forbidden', 403))
      const live = round.results === null ? await figuresOfYear(db, round.year, now()) : noYearFigures
      const current = rankingOf(round, resultsOf(round, await roundAssessments(db, round.id), live))
      const last = await roundOf(db, round.year - 1, round.criteriaSet.unitKind)
      const lastRanking =
        last?.status === RoundStatus.Published && last.results !== null ? rankingOf(last, last.results) : []
      return {
        roundId: round.id,
        status: round.status,
        areas: round.criteriaSet.areas.map((a) => ({ code: a.code, name: a.name })),
        ...standingOf(current, lastRanking),
        lastYear: lastRanking.length > 0 && last !== null ? last.id : null,
      }
    },
  )
}
