import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { createDossier } from '../../app/create-dossier.ts'
import { checkCommandFields, needsFormCheck } from '../../app/declarations/check-command-fields.ts'
import { apologise } from '../../app/documents/issue-apology-document.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { actorsFor, canReadDossier, Permission } from '../../domain/access/route-permissions.ts'
import { formatInstant, localDate, parseInstant } from '../../domain/calendar/local-time.ts'
import { urgencyOf } from '../../domain/dossier/deadlines.ts'
import { QueueRole } from '../../domain/dossier/queues.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import type { Db } from '../../store/database.ts'
import type { dossierCommands, Outcome } from '../../store/dossiers/dossier-commands.ts'
import { queue } from '../../store/dossiers/dossier-queries.ts'
import { callerOf } from '../auth/access-control.ts'
import { commandOperationId } from '../openapi/operations.ts'
import { sendOutcomeProblem } from '../outcome-problem.ts'
import { problem, sendProblem } from '../problem.ts'
import { DossierView } from '../schemas/dossier-view.ts'
import { commandRoutes } from './dossier-commands.ts'
import { loadDossierView, producedView } from './dossier-view-loader.ts'

type Engine = ReturnType<typeof dossierCommands>
export type DossierRouteOptions = {
  db: Db
  now: () => Date
  engine: Engine
  /**
   * What follows a successful command outside its transaction (e.g. the signed e-result after
   * `issue`); true when it changed the dossier, whose view is then read again.
   */
  afterCommand?: (action: string, dossierId: string) => Promise<boolean>
  /** False when citizens submit online only through the national portal (MOTCUA_LOCAL_ONLINE_SUBMISSION). */
  localOnlineSubmission?: boolean
}

const Ref = Type.Object({
  ref: Type.String({
    pattern: '^[A-Za-z0-9.-]+$',
    maxLength: 80,
    description: 'Dossier code, or its id before reception',
  }),
})
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 8,
    maxLength: 100,
    description: 'A fresh key per command; a retry with the same key returns the first outcome',
  }),
})
const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
}

const NewDossier = Type.Object(
  {
    procedureCode: Type.String({
      pattern: '^[A-Za-z0-9.-]+$',
      maxLength: 60,
      description: 'The procedure applied for (GET /api/procedures)',
    }),
    receivingAgencyId: Type.String({
      pattern: '^[a-z0-9-]+$',
      maxLength: 80,
      description: 'The one-stop unit that receives',
    }),
    channel: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], {
      description: '1 in person, 2 online, 3 post',
    }),
    applicant: Type.Object(
      {
        id: Type.String({ minLength: 1, maxLength: 100, description: 'Applicant id; a citizen’s own account online' }),
        kind: Type.Union([Type.Literal('citizen'), Type.Literal('organisation')], {
          description: 'A citizen or an organisation',
        }),
        name: Type.String({ minLength: 1, maxLength: 200, description: 'Name as printed on the receipt (form 01)' }),
        identityNumber: Type.Union([Type.String({ pattern: '^[0-9A-Za-z]{6,20}$' }), Type.Null()], {
          description: 'Số định danh cá nhân (citizen) or tax code (organisation)',
        }),
        phone: Type.Union([Type.String({ pattern: '^[0-9+ ]{8,20}$' }), Type.Null()], {
          description: 'For SMS notices',
        }),
        email: Type.Union([Type.String({ maxLength: 200, format: 'email' }), Type.Null()], {
          description: 'For e-mail notices',
        }),
        address: Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'Postal address' }),
      },
      { description: 'Người nộp hồ sơ: the applicant' },
    ),
    components: Type.Array(
      Type.Object({
        name: Type.String({ minLength: 1, maxLength: 500, description: 'Thành phần hồ sơ: the required document' }),
        fileRef: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
          description: 'An uploaded file (sha256), or null for paper',
        }),
      }),
      { maxItems: 50, default: [], description: 'The components supplied' },
    ),
    declaration: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'Tờ khai: the applicant’s data on the procedure’s form (GET /api/procedures/{code} → form); required when ' +
          'the procedure has a form, valid under its JSON Schema and named rules, else 400 with each field’s path',
      }),
    ),
    formVersion: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'The version of the form the declaration was entered on (form.version)',
      }),
    ),
    competentAgencyId: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9-]+$',
        maxLength: 80,
        description:
          'Cơ quan có thẩm quyền giải quyết: for a procedure received regardless of address (anyLocation), the commune ' +
          'that decides; default: the receiving unit’s own commune (required at the provincial centre for a commune procedure)',
      }),
    ),
    receiveNow: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          'Walk-in or postal only: true (default) receives at once with code and receipt (form 01); false registers the ' +
          'dossier for the counter’s check (status 1), then reception, guidance (form 02), refusal (form 03) or redirection',
      }),
    ),
  },
  { additionalProperties: false },
)

export const dossierRoutes: FastifyPluginAsyncTypebox<DossierRouteOptions> = async (
  app,
  { db, now, engine, afterCommand, localOnlineSubmission = true },
) => {
  /** The view as the principal may see it: their dossiers only, with what any of their roles may do next. */
  async function view(reply: FastifyReply, principal: Principal, ref: string, status = 200) {
    const result = await loadDossierView(db, engine, principal, ref, now())
    if (result === 'not-found') return sendProblem(reply, problem('dossierNotFound', 404))
    if (result === 'forbidden') return sendProblem(reply, problem('forbidden', 403))
    return reply.code(status).send(result)
  }

  /**
   * The answer to a successful command: the view of the state it produced, unless that is unknown
   * (a replayed key) or something after the command changed the dossier again.
   */
  async function commandView(
    reply: FastifyReply,
    principal: Principal,
    outcome: Extract<Outcome, { ok: true }>,
    changedAfter: boolean,
    status = 200,
  ) {
    if (!outcome.produced || changedAfter) return view(reply, principal, outcome.dossierId, status)
    return reply.code(status).send(await producedView(db, principal, outcome.dossierId, outcome.produced))
  }

  app.post(
    '/api/dossiers',
    {
      config: { permission: Permission.DossierCreate },
      schema: {
        operationId: 'createDossier',
        tags: ['dossiers'],
        summary:
          'Nộp hồ sơ trực tuyến, hoặc tiếp nhận trực tiếp tại quầy / Submit online, or receive a walk-in at the counter',
        headers: IdempotencyHeaders,
        body: NewDossier,
        response: { 201: DossierView, ...problems },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      const outcome = await createDossier({ db, engine, localOnlineSubmission }, principal, request.body, {
        idempotencyKey: request.headers['idempotency-key'],
        now: now(),
      })
      if (!outcome.ok && outcome.problem === 'no-procedure-in-force')
        return sendProblem(
          reply,
          problem('validation', 400, {
            errors: [
              { path: 'body/procedureCode', message: 'không có thủ tục đang hiệu lực', en: 'no procedure in force' },
            ],
          }),
        )
      if (!outcome.ok && outcome.problem === 'forbidden') return sendProblem(reply, problem('forbidden', 403))
      if (!outcome.ok && outcome.problem === 'online-at-national-portal')
        return sendProblem(reply, problem('onlineAtNationalPortal', 409))
      if (!outcome.ok && outcome.problem === 'invalid-declaration')
        return sendProblem(
          reply,
          problem('validation', 400, {
            errors: outcome.errors.map((e) => ({
              path: `body/${e.path}`,
              message: e.message.vi,
              en: e.message.en,
            })),
          }),
        )
      if (!outcome.ok) return sendOutcomeProblem(reply, outcome)
      return commandView(reply, principal, outcome, false, 201)
    },
  )

  app.get(
    '/api/dossiers/:ref',
    {
      config: { permission: Permission.DossierRead },
      schema: {
        operationId: 'getDossier',
        tags: ['dossiers'],
        summary:
          'Hồ sơ: trạng thái, thời hạn, quá trình xử lý, thao tác được phép / A dossier with deadlines, timeline and available actions',
        params: Ref,
        response: { 200: DossierView, ...problems },
      },
    },
    async (request, reply) => view(reply, callerOf(request), request.params.ref),
  )

  for (const route of commandRoutes) {
    const Body = Type.Object(
      {
        expectedVersion: Type.Integer({ minimum: 1, description: 'The version the caller last saw' }),
        ...route.fields,
      },
      { additionalProperties: false },
    )
    app.post(
      `/api/dossiers/:ref/${route.path}`,
      {
        config: { permission: Permission.DossierCommand },
        schema: {
          operationId: commandOperationId(route.path),
          tags: ['dossiers'],
          summary: route.summary,
          params: Ref,
          headers: IdempotencyHeaders,
          body: Body,
          response: { 200: DossierView, ...problems },
        },
      },
      async (request, reply) => {
        const principal = callerOf(request)
        const { ref } = request.params
        const body: { expectedVersion: number } & Record<string, unknown> = request.body
        const { expectedVersion, ...fields } = body
        if (route.action === 'issue-apology') {
          const at = parseInstant(String(fields.newAppointmentAt))
          if (at === null)
            return sendProblem(
              reply,
              problem('validation', 400, {
                errors: [
                  {
                    path: 'body/newAppointmentAt',
                    message: 'không phải thời điểm ISO 8601',
                    en: 'not an ISO 8601 instant',
                  },
                ],
              }),
            )
          fields.newAppointmentAt = at
        }
        const acting = {
          by: principal.userId,
          actorsOn: (d: Dossier) => (canReadDossier(principal, d) ? actorsFor(principal, d) : null),
        }
        if (needsFormCheck(route.action, fields)) {
          const errors = await checkCommandFields(db, principal, ref, route.action, fields, localDate(now()))
          if (errors.length > 0)
            return sendProblem(
              reply,
              problem('validation', 400, {
                errors: errors.map((e) => ({ path: `body/${e.path}`, message: e.message.vi, en: e.message.en })),
              }),
            )
        }
        // The fields were validated by the route's schema; the engine checks the whole command against `Command`.
        const command = { ...fields, action: route.action }
        const options = { idempotencyKey: request.headers['idempotency-key'], now: now() }
        // The apology is also a numbered outgoing document, issued in the command's transaction.
        const outcome =
          route.action === 'issue-apology'
            ? await apologise({ db, engine }, ref, acting, command, expectedVersion, options, principal)
            : await engine.runAs(ref, acting, command, expectedVersion, options)
        if (!outcome.ok) return sendOutcomeProblem(reply, outcome)
        const changedAfter = afterCommand ? await afterCommand(route.action, outcome.dossierId) : false
        return commandView(reply, principal, outcome, changedAfter)
      },
    )
  }

  const QueueItem = Type.Object({
    id: Type.String({ description: 'Dossier id' }),
    code: Type.Union([Type.String(), Type.Null()], { description: 'Mã hồ sơ; null before reception' }),
    procedureCode: Type.String({ description: 'Procedure code' }),
    procedureName: Type.String({ description: 'Procedure name' }),
    applicantName: Type.String({ description: 'Người nộp hồ sơ' }),
    status: Type.Integer({ description: 'National status code (rules.md §1)' }),
    phase: Type.Union([Type.String(), Type.Null()], { description: 'The current step’s phase' }),
    dueAt: Type.Union([Type.String(), Type.Null()], { description: 'Current step due, else the appointment' }),
    appointmentAt: Type.Union([Type.String(), Type.Null()], { description: 'Ngày hẹn trả kết quả' }),
    urgency: Type.String({ description: 'late, due_soon or on_track' }),
    alert: Type.Union([Type.String(), Type.Null()], {
      description:
        'The newest deadline alert (step-warning, dossier-warning, dossier-overdue-escalation, supplement-expired), null without one (rules.md "Deadline watcher")',
    }),
  })
  app.get(
    '/api/queues/:role',
    {
      config: { permission: Permission.QueueRead },
      schema: {
        operationId: 'getWorkQueue',
        tags: ['dossiers'],
        summary: 'Hàng đợi theo vai trò, sắp theo mức khẩn / Work queue of a role at an agency, most urgent first',
        params: Type.Object({
          role: Type.Union(
            Object.values(QueueRole).map((r) => Type.Literal(r)),
            { description: 'The role whose queue to list: counter_officer, specialist, leader or clerk' },
          ),
        }),
        querystring: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Dossiers to list at most' }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            agencyId: Type.String({ description: 'The agency the caller holds the role at' }),
            items: Type.Array(QueueItem, { description: 'The dossiers waiting for the role, most urgent first' }),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      const { role } = request.params
      const { limit } = request.query
      const actor = actorsFor(principal, null).find((a) => a.role === role)
      if (!actor || actor.agencyId === null) return sendProblem(reply, problem('forbidden', 403))
      const rows = await queue(db, role, actor.agencyId, actor.id, limit)
      const nowMs = now().getTime()
      const calendar = (await engine.calendars())(actor.agencyId)
      return {
        agencyId: actor.agencyId,
        items: rows.map((r) => {
          const due = r.current_step_due_at ?? r.appointment_at
          return {
            id: r.id,
            code: r.code,
            procedureCode: r.procedure_code,
            procedureName: r.procedure_name,
            applicantName: r.applicant_name ?? '',
            status: r.status,
            phase: r.current_phase,
            dueAt: due ? formatInstant(due.getTime()) : null,
            appointmentAt: r.appointment_at ? formatInstant(r.appointment_at.getTime()) : null,
            urgency: urgencyOf(calendar, nowMs, due ? due.getTime() : null),
            alert: r.alert_kind,
          }
        }),
      }
    },
  )
}
