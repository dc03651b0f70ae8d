import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  type AnswerOutcome,
  answerByToken,
  closeSurveyPeriod,
  enterPaperAnswer,
} from '../../app/survey/answer-survey.ts'
import { openSurveyPeriod, tokenSha256 } from '../../app/survey/open-survey-period.ts'
import type { SurveyDeps } from '../../app/survey/survey-deps.ts'
import { surveyResults } from '../../app/survey/survey-results.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { availableActions, SurveyAction } from '../../domain/survey/actions.ts'
import { answerScale, questionnaireSource, sipasQuestionnaire } from '../../domain/survey/questionnaire.ts'
import { defaultMarginBasisPoints } from '../../domain/survey/sample-size.ts'
import {
  listPeriods,
  loadPeriod,
  respondentByToken,
  respondentsOf,
  type SurveyPeriodRow,
} from '../../store/survey/survey-store.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'
import {
  AgencySurveyResult,
  AnswerSheetBody,
  PaperAnswerBody,
  SurveyLink,
  SurveyPeriod,
  SurveyPeriodBody,
  SurveyPeriodWithSample,
} from './surveys-schemas.ts'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}
const IdParams = Type.Object({ id: Type.String({ description: 'The survey period' }) })
const TokenParams = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 100, description: 'The link’s token' }),
})

const periodView = (p: SurveyPeriodRow) => ({
  id: p.id,
  name: p.name,
  from: p.fromDay,
  to: p.toDay,
  marginBasisPoints: p.marginBasisPoints,
  seed: p.seed,
  population: p.population,
  sampleSize: p.sampleSize,
  strata: [...p.strata],
  status: p.status,
})

const questionnaire = { source: questionnaireSource, scale: [...answerScale], elements: sipasQuestionnaire }

function sendAnswerOutcome(reply: Parameters<typeof sendProblem>[0], outcome: AnswerOutcome) {
  switch (outcome.kind) {
    case 'done':
      return reply.code(204).send(null)
    case 'notFound':
      return sendProblem(reply, problem('surveyNotFound', 404))
    case 'notAllowed':
      return sendProblem(reply, problem('surveyAnswerNotAllowed', 409))
    case 'invalid':
      return sendProblem(
        reply,
        problem('validation', 400, {
          errors: outcome.problems.map((p) => ({ path: 'body/answers', message: p.vi, en: p.en })),
        }),
      )
  }
}

/**
 * Khảo sát sự hài lòng SIPAS (rules.md "Satisfaction survey (SIPAS)"): the Department of Home
 * Affairs opens a period (sample drawn, invitations queued), sees the sample and the results; the
 * respondent answers through the link, or the officer types the paper form in.
 */
export const surveyRoutes: FastifyPluginAsyncTypebox<SurveyDeps> = async (app, deps) => {
  const { db } = deps

  app.get(
    '/api/surveys',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'listSurveyPeriods',
        tags: ['surveys'],
        summary: 'Các kỳ khảo sát SIPAS / Survey periods, newest first',
        response: {
          200: Type.Object({ items: Type.Array(SurveyPeriod, { description: 'The survey periods' }) }),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
        },
      },
    },
    async () => ({ items: (await listPeriods(db)).map(periodView) }),
  )

  app.post(
    '/api/surveys',
    {
      config: { permission: Permission.IndicatorsManage },
      schema: {
        operationId: 'openSurveyPeriod',
        tags: ['surveys'],
        summary: 'Mở kỳ khảo sát và chọn mẫu / Open a survey period and draw its sample',
        body: SurveyPeriodBody,
        response: { 201: SurveyPeriod, ...problems },
      },
    },
    async (request, reply) => {
      const body = request.body
      if (body.to < body.from)
        return sendProblem(
          reply,
          problem('validation', 400, {
            errors: [
              {
                path: 'body/to',
                message: 'Ngày kết thúc phải sau ngày bắt đầu',
                en: 'The last day must not be before the first',
              },
            ],
          }),
        )
      const period = await openSurveyPeriod(
        deps,
        {
          name: body.name,
          from: body.from,
          to: body.to,
          marginBasisPoints: body.marginBasisPoints ?? defaultMarginBasisPoints,
          seed: body.seed ?? null,
        },
        callerOf(request).userId,
      )
      reply.code(201)
      return periodView(period)
    },
  )

  app.get(
    '/api/surveys/:id',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'getSurveyPeriod',
        tags: ['surveys'],
        summary: 'Kỳ khảo sát và mẫu / A survey period and its sampled dossiers',
        params: IdParams,
        response: { 200: SurveyPeriodWithSample, ...problems },
      },
    },
    async (request, reply) => {
      const period = await loadPeriod(db, request.params.id)
      if (!period) return sendProblem(reply, problem('surveyNotFound', 404))
      const sample = (await respondentsOf(db, period.id)).map((r) => ({
        dossierCode: r.dossierCode,
        agencyId: r.agencyId,
        answeredAt: r.answeredAt?.toISOString() ?? null,
        channel: r.channel,
      }))
      return { ...periodView(period), sample, questionnaire }
    },
  )

  app.get(
    '/api/surveys/:id/results',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'getSurveyResults',
        tags: ['surveys'],
        summary: 'Chỉ số hài lòng theo cơ quan / The SIPAS index per agency with 95 % intervals',
        params: IdParams,
        response: {
          200: Type.Object({ items: Type.Array(AgencySurveyResult, { description: 'One row per processing agency' }) }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const period = await loadPeriod(db, request.params.id)
      if (!period) return sendProblem(reply, problem('surveyNotFound', 404))
      return { items: await surveyResults(db, period) }
    },
  )

  app.post(
    '/api/surveys/:id/paper-answers',
    {
      config: { permission: Permission.IndicatorsManage },
      schema: {
        operationId: 'enterPaperSurveyAnswer',
        tags: ['surveys'],
        summary: 'Nhập phiếu khảo sát giấy / Type in a paper answer sheet',
        params: IdParams,
        body: PaperAnswerBody,
        response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...problems },
      },
    },
    async (request, reply) => {
      const { dossierCode, answers, suggestion } = request.body
      const outcome = await enterPaperAnswer(
        deps,
        request.params.id,
        dossierCode,
        { answers, suggestion: suggestion ?? null },
        callerOf(request).userId,
      )
      return sendAnswerOutcome(reply, outcome)
    },
  )

  app.post(
    '/api/surveys/:id/closure',
    {
      config: { permission: Permission.IndicatorsManage },
      schema: {
        operationId: 'closeSurveyPeriod',
        tags: ['surveys'],
        summary: 'Đóng kỳ khảo sát / Close a survey period',
        params: IdParams,
        response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...problems },
      },
    },
    async (request, reply) => {
      const period = await loadPeriod(db, request.params.id)
      if (!period) return sendProblem(reply, problem('surveyNotFound', 404))
      if (!(await closeSurveyPeriod(deps, period.id, callerOf(request).userId)))
        return sendProblem(reply, problem('surveyAnswerNotAllowed', 409))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/surveys/links/:token',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'getSurveyLink',
        tags: ['surveys'],
        summary: 'Phiếu khảo sát theo đường dẫn / The questionnaire behind a survey link',
        params: TokenParams,
        response: { 200: SurveyLink, 400: Type.Ref('Problem'), 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const found = await respondentByToken(db, tokenSha256(request.params.token))
      if (!found) return sendProblem(reply, problem('surveyNotFound', 404))
      const state = { periodStatus: found.period.status, answered: found.respondent.answeredAt !== null }
      return {
        periodName: found.period.name,
        dossierCode: found.respondent.dossierCode,
        canAnswer: availableActions(state, 'respondent').includes(SurveyAction.AnswerOnline),
        questionnaire,
      }
    },
  )

  app.post(
    '/api/surveys/links/:token/answer',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'answerSurveyLink',
        tags: ['surveys'],
        summary: 'Trả lời phiếu khảo sát / Answer through the link (once)',
        params: TokenParams,
        body: AnswerSheetBody,
        response: { 204: Type.Null(), 400: Type.Ref('Problem'), 404: Type.Ref('Problem'), 409: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const outcome = await answerByToken(deps, request.params.token, {
        answers: request.body.answers,
        suggestion: request.body.suggestion ?? null,
      })
      return sendAnswerOutcome(reply, outcome)
    },
  )
}
