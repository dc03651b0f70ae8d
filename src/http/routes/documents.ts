import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type TSchema, Type } from 'typebox'
import { renderRegister } from '../../adapters/pdf/document-register.ts'
import { documentDeliveries } from '../../app/documents/document-deliveries.ts'
import type { DocumentDeps } from '../../app/documents/document-deps.ts'
import { draftOutgoing } from '../../app/documents/draft-outgoing.ts'
import {
  type DocumentOutcome,
  type DocumentRequest,
  runDocumentCommand,
} from '../../app/documents/run-document-command.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import type { DocumentActor } from '../../domain/documents/actions.ts'
import { DocumentTypes, documentTypeIds, urgencyLabel } from '../../domain/documents/document-type.ts'
import type { OfficialDocument } from '../../domain/documents/official-document.ts'
import type { Db } from '../../store/database.ts'
import {
  agencyForDocuments,
  documentHandlers,
  documentInbox,
  documentTrail,
  loadDocument,
  loadDocumentFile,
  registerEntries,
} from '../../store/documents/document-store.ts'
import { callerOf } from '../auth/access-control.ts'
import { sendOutcomeProblem } from '../outcome-problem.ts'
import { problem, sendProblem } from '../problem.ts'
import { DeliveryView } from '../schemas/delivery-view.ts'
import {
  asDraftContent,
  DocumentView,
  DraftContentBody,
  documentView,
  TrailEntry,
  trailView,
} from './documents-schemas.ts'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}
const expectedVersion = Type.Optional(
  Type.Integer({ minimum: 1, description: 'The version the caller saw; a different current version answers 409' }),
)
const idParams = Type.Object({ id: Type.String({ description: 'Document id' }) })
const text = (description: string) => Type.String({ minLength: 1, maxLength: 10_000, description })

/** One command per verb, each with its own body (style: commands are verbs). */
export const documentCommandRoutes: readonly {
  readonly path: string
  readonly action: DocumentRequest['action']
  readonly summary: string
  readonly body: ReturnType<typeof Type.Object>
}[] = [
  {
    path: 'revision',
    action: 'revise',
    summary: 'Sửa bản thảo / Revise the draft',
    body: Type.Object({ content: DraftContentBody }),
  },
  { path: 'submission', action: 'submit', summary: 'Trình duyệt / Submit for review', body: Type.Object({}) },
  {
    path: 'review',
    action: 'review',
    summary: 'Kiểm tra nội dung, thể thức / Review (Decree 30/2020 Art. 12)',
    body: Type.Object({ note: Type.Union([text('Ghi chú'), Type.Null()], { description: 'Ghi chú kiểm tra' }) }),
  },
  {
    path: 'return',
    action: 'return',
    summary: 'Trả lại bản thảo / Return with a note',
    body: Type.Object({ note: text('Ý kiến') }),
  },
  {
    path: 'approval',
    action: 'approve',
    summary: 'Duyệt và ký / Approve as the signer (Art. 11, 13)',
    body: Type.Object({
      signerTitle: Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Quyền hạn, chức vụ của người ký, e.g. "KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH" (Appendix I, II.7)',
      }),
    }),
  },
  {
    path: 'numbering',
    action: 'number',
    summary: 'Cấp số, đăng ký văn bản đi / Number and register (Art. 15, 16)',
    body: Type.Object({}),
  },
  {
    path: 'issuance',
    action: 'issue',
    summary: 'Ký số của cơ quan và phát hành / Sign with the seal and issue (Art. 17, 18)',
    body: Type.Object({}),
  },
  {
    path: 'registration',
    action: 'register',
    summary: 'Đăng ký văn bản đến / Register with an arrival number (Art. 22)',
    body: Type.Object({}),
  },
  {
    path: 'assignment',
    action: 'assign',
    summary: 'Giao xử lý / Assign a handler, deadline and opinion (Art. 23)',
    body: Type.Object({
      handlerId: Type.String({ minLength: 1, description: 'A specialist or leader of the receiving agency' }),
      dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Thời hạn giải quyết' }),
      opinion: text('Ý kiến chỉ đạo giải quyết'),
    }),
  },
  {
    path: 'opinions',
    action: 'add-opinion',
    summary: 'Ý kiến xử lý / Add a processing opinion',
    body: Type.Object({ text: text('Ý kiến xử lý') }),
  },
  {
    path: 'completion',
    action: 'finish',
    summary: 'Hoàn thành xử lý / Mark done (Art. 24)',
    body: Type.Object({ note: text('Kết quả xử lý') }),
  },
  {
    path: 'answer',
    action: 'answer',
    summary: 'Trả lời bằng văn bản đi / Link the reply',
    body: Type.Object({
      replyId: Type.String({ minLength: 1, description: 'The issued outgoing document that answers it' }),
    }),
  },
]

const actorOf = (p: Principal): DocumentActor => ({
  id: p.userId,
  name: p.name,
  grants: p.kind === 'citizen' ? [] : p.grants,
})

/** Văn bản of an agency are read by its staff (and the provincial administrator). */
const reads = (p: Principal, agencyId: string) =>
  p.kind !== 'citizen' && p.grants.some((g) => g.role === 'provincial_admin' || g.agencyId === agencyId)

function sendOutcome(reply: Parameters<typeof sendProblem>[0], outcome: DocumentOutcome, actor: DocumentActor) {
  switch (outcome.kind) {
    case 'done':
      return documentView(outcome.document, actor)
    case 'notFound':
      return sendProblem(reply, problem('documentNotFound', 404))
    case 'refused':
      return sendProblem(reply, problem('documentRefused', 409))
    case 'conflict':
      return sendProblem(reply, problem('documentConflict', 409))
    case 'handlerInvalid':
      return sendProblem(reply, problem('documentHandlerInvalid', 400))
    case 'replyInvalid':
      return sendProblem(reply, problem('documentReplyInvalid', 400))
    case 'recipientInvalid':
      return sendProblem(reply, problem('documentRecipientInvalid', 400))
    case 'dossierRefused':
      return sendOutcomeProblem(reply, outcome.outcome)
  }
}

const RegisterParams = Type.Object({
  register: Type.Union([Type.Literal('outgoing'), Type.Literal('incoming')], {
    description: 'outgoing (sổ đăng ký văn bản đi) or incoming (sổ đăng ký văn bản đến)',
  }),
})
const RegisterQuery = Type.Object({
  agencyId: Type.String({ minLength: 1, description: 'The agency whose register to read' }),
  year: Type.Integer({ minimum: 2000, maximum: 2100, description: "The register's year" }),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Words in the notation, subject or sender, with or without diacritics',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'At most this many' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Skip this many' })),
})

async function registerLines(db: Db, docs: readonly OfficialDocument[], today: string) {
  const names = new Map<string, string>()
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await agencyForDocuments(db, id, today))?.name ?? id)
    return names.get(id) as string
  }
  const lines = []
  for (const d of docs) {
    if (d.direction === 'outgoing') {
      const to = []
      for (const r of d.content.recipients) to.push(r.kind === 'agency' ? await nameOf(r.agencyId) : r.name)
      lines.push({
        number: String(d.number ?? ''),
        date: d.issuedOn ?? '',
        notation: d.notation ?? '',
        type: DocumentTypes[d.content.type].vi,
        subject: d.content.subject,
        party: d.signer?.name ?? '',
        destination: to.join('; '),
        urgency: urgencyLabel[d.content.urgency],
      })
    } else
      lines.push({
        number: String(d.number ?? ''),
        date: d.arrivedOn ?? '',
        notation: d.document.notation,
        type: DocumentTypes[d.document.type].vi,
        subject: d.document.subject,
        party: d.document.senderName,
        destination: d.dueOn === null ? '' : `Hạn ${d.dueOn}`,
        urgency: urgencyLabel[d.document.urgency],
      })
  }
  return lines
}

/**
 * Văn bản điện tử (rules.md "Electronic documents"): drafting, the one-verb commands of the outgoing
 * and incoming lifecycles, the inbox, the registers (list, search, print) and the signed PDF.
 */
export const documentRoutes: FastifyPluginAsyncTypebox<Omit<DocumentDeps, 'newId'>> = async (app, options) => {
  const deps: DocumentDeps = { ...options, newId: randomUUID }
  const { db } = deps

  app.get(
    '/api/documents/types',
    {
      config: { permission: Permission.DocumentRead },
      schema: {
        operationId: 'listDocumentTypes',
        tags: ['documents'],
        summary: 'Tên loại văn bản và chữ viết tắt / Document types and their abbreviations (Decree 30/2020 App. III)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String({ description: 'Type id' }),
                name: Type.String({ description: 'Tên loại' }),
                abbreviation: Type.Union([Type.String(), Type.Null()], {
                  description: 'Chữ viết tắt; null for công văn',
                }),
              }),
              { description: 'Every administrative document type' },
            ),
          }),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
        },
      },
    },
    async () => ({
      items: documentTypeIds.map((id) => ({
        id,
        name: DocumentTypes[id].vi,
        abbreviation: DocumentTypes[id].abbreviation,
      })),
    }),
  )

  app.post(
    '/api/documents',
    {
      config: { permission: Permission.DocumentCommand },
      schema: {
        operationId: 'draftDocument',
        tags: ['documents'],
        summary: 'Soạn thảo văn bản đi / Draft an outgoing document (a specialist of the agency)',
        body: Type.Object(
          {
            agencyId: Type.String({ minLength: 1, description: 'The issuing agency' }),
            content: DraftContentBody,
          },
          { additionalProperties: false },
        ),
        response: { 201: DocumentView, ...problems },
      },
    },
    async (request, reply) => {
      const actor = actorOf(callerOf(request))
      const outcome = await draftOutgoing(deps, request.body.agencyId, asDraftContent(request.body.content), actor)
      if (outcome.kind === 'refused') return sendProblem(reply, problem('documentRefused', 403))
      if (outcome.kind === 'recipientInvalid') return sendProblem(reply, problem('documentRecipientInvalid', 400))
      reply.code(201)
      return documentView(outcome.document, actor)
    },
  )

  app.get(
    '/api/documents/inbox',
    {
      config: { permission: Permission.DocumentRead },
      schema: {
        operationId: 'listDocumentInbox',
        tags: ['documents'],
        summary: 'Hộp văn bản / Open documents of my agencies, newest first',
        response: {
          200: Type.Object({ items: Type.Array(DocumentView, { description: 'Open documents' }) }),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
        },
      },
    },
    async (request) => {
      const p = callerOf(request)
      const actor = actorOf(p)
      const agencies = [...new Set(actor.grants.map((g) => g.agencyId))]
      return { items: (await documentInbox(db, agencies)).map((d) => documentView(d, actor)) }
    },
  )

  app.get(
    '/api/documents/registers/:register',
    {
      config: { permission: Permission.DocumentRead },
      schema: {
        operationId: 'listDocumentRegister',
        tags: ['documents'],
        summary: 'Sổ đăng ký văn bản đi / đến / A register of the year, by number, searchable without diacritics',
        params: RegisterParams,
        querystring: RegisterQuery,
        response: { 200: Type.Object({ items: Type.Array(DocumentView, { description: 'By number' }) }), ...problems },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      const { agencyId, year, q, limit, offset } = request.query
      if (!reads(p, agencyId)) return sendProblem(reply, problem('forbidden', 403))
      const items = await registerEntries(db, {
        agencyId,
        register: request.params.register,
        year,
        q: q ?? '',
        limit: limit ?? 50,
        offset: offset ?? 0,
      })
      const actor = actorOf(p)
      return { items: items.map((d) => documentView(d, actor)) }
    },
  )

  app.get(
    '/api/documents/registers/:register/pdf',
    {
      config: { permission: Permission.DocumentRead },
      schema: {
        operationId: 'printDocumentRegister',
        tags: ['documents'],
        summary: "In sổ đăng ký / The year's register as a PDF to print and bind (Art. 16(2)(b), 22(3)(b))",
        params: RegisterParams,
        querystring: Type.Object({
          agencyId: Type.String({ minLength: 1, description: 'The agency whose register to print' }),
          year: Type.Integer({ minimum: 2000, maximum: 2100, description: "The register's year" }),
        }),
        response: {
          200: Type.String({ description: 'application/pdf' }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      const { agencyId, year } = request.query
      if (!reads(p, agencyId)) return sendProblem(reply, problem('forbidden', 403))
      const today = localDate(deps.now())
      const agency = await agencyForDocuments(db, agencyId, today)
      if (agency === null) return sendProblem(reply, problem('agencyNotFound', 404))
      const docs: OfficialDocument[] = []
      for (let offset = 0; ; offset += 200) {
        const page = await registerEntries(db, {
          agencyId,
          register: request.params.register,
          year,
          q: '',
          limit: 200,
          offset,
        })
        docs.push(...page)
        if (page.length < 200) break
      }
      const pdf = await renderRegister(
        request.params.register,
        agency.name,
        year,
        await registerLines(db, docs, today),
        deps.now(),
      )
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="so-van-ban-${request.params.register}-${year}.pdf"`)
        .send(pdf)
    },
  )

  app.get(
    '/api/documents/:id',
    {
      config: { permission: Permission.DocumentRead },
      schema: {
        operationId: 'getDocument',
        tags: ['documents'],
        summary: 'Xem văn bản / A document with its trail (staff of its agency)',
        params: idParams,
        response: {
          200: Type.Object({
            document: DocumentView,
            trail: Type.Array(TrailEntry, { description: 'Every event, oldest first' }),
            deliveries: Type.Array(DeliveryView, {
              description:
                'Quá trình gửi nhận: per recipient of an issued outgoing document, in the order of its Nơi nhận; empty otherwise',
            }),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      const d = await loadDocument(db, request.params.id)
      if (d === null) return sendProblem(reply, problem('documentNotFound', 404))
      if (!reads(p, d.agencyId)) return sendProblem(reply, problem('forbidden', 403))
      return {
        document: documentView(d, actorOf(p)),
        trail: trailView(await documentTrail(db, d.id)),
        deliveries: d.direction === 'outgoing' ? await documentDeliveries(db, d) : [],
      }
    },
  )

  app.get(
    '/api/documents/:id/pdf',
    {
      config: { permission: Permission.DocumentRead },
      schema: {
        operationId: 'getDocumentPdf',
        tags: ['documents'],
        summary: 'Văn bản điện tử đã ký / The issued PDF with both signatures',
        params: idParams,
        response: { 200: Type.String({ description: 'application/pdf' }), ...problems },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      const d = await loadDocument(db, request.params.id)
      if (d === null) return sendProblem(reply, problem('documentNotFound', 404))
      if (!reads(p, d.agencyId)) return sendProblem(reply, problem('forbidden', 403))
      const fileId = d.direction === 'outgoing' ? d.id : d.document.sourceDocumentId
      const pdf = fileId === null ? null : await loadDocumentFile(db, fileId)
      if (pdf === null) return sendProblem(reply, problem('documentNotFound', 404))
      return reply.type('application/pdf').send(pdf)
    },
  )

  app.get(
    '/api/documents/:id/handlers',
    {
      config: { permission: Permission.DocumentRead },
      schema: {
        operationId: 'listDocumentHandlers',
        tags: ['documents'],
        summary: "Người có thể được giao xử lý / Specialists and leaders of the document's agency",
        params: idParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                userId: Type.String({ description: 'User id, for assignment.handlerId' }),
                name: Type.String({ description: 'Họ và tên' }),
                role: Type.String({ description: 'specialist or leader' }),
              }),
              { description: 'By name' },
            ),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      const d = await loadDocument(db, request.params.id)
      if (d === null) return sendProblem(reply, problem('documentNotFound', 404))
      if (!reads(p, d.agencyId)) return sendProblem(reply, problem('forbidden', 403))
      return { items: await documentHandlers(db, d.agencyId) }
    },
  )

  for (const route of documentCommandRoutes)
    app.post(
      `/api/documents/:id/${route.path}`,
      {
        config: { permission: Permission.DocumentCommand },
        schema: {
          operationId: `document-${route.path}`.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
          tags: ['documents'],
          summary: route.summary,
          params: idParams,
          body: Type.Object({ ...route.body.properties, expectedVersion }, { additionalProperties: false }) as TSchema,
          response: { 200: DocumentView, ...problems, 409: Type.Ref('Problem') },
        },
      },
      async (request, reply) => {
        const p = callerOf(request)
        const actor = actorOf(p)
        const d = await loadDocument(db, request.params.id)
        if (d === null) return sendProblem(reply, problem('documentNotFound', 404))
        if (!reads(p, d.agencyId)) return sendProblem(reply, problem('forbidden', 403))
        const { expectedVersion: version, ...fields } = request.body as Record<string, unknown> & {
          expectedVersion?: number
        }
        const command = { action: route.action, ...fields } as DocumentRequest
        return sendOutcome(reply, await runDocumentCommand(deps, request.params.id, command, actor, version), actor)
      },
    )
}
