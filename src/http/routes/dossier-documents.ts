import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { draftConsultationLetter } from '../../app/documents/draft-consultation-letter.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { canReadDossier, Permission } from '../../domain/access/route-permissions.ts'
import type { DocumentActor } from '../../domain/documents/actions.ts'
import { dossierDocumentRoles } from '../../domain/documents/dossier-document.ts'
import type { Db } from '../../store/database.ts'
import { loadDocument } from '../../store/documents/document-store.ts'
import { dossierDocumentLinks } from '../../store/documents/dossier-documents.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { callerOf } from '../auth/access-control.ts'
import { sendOutcomeProblem } from '../outcome-problem.ts'
import { problem, sendProblem } from '../problem.ts'
import { DocumentView, documentView, UrgencyField } from './documents-schemas.ts'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
}
const Ref = Type.Object({
  ref: Type.String({
    pattern: '^[A-Za-z0-9.-]+$',
    maxLength: 80,
    description: 'Dossier code, or its id before reception',
  }),
})

/** Soạn văn bản lấy ý kiến: what the specialist writes; the công văn's other fields follow from the dossier. */
const ConsultationLetter = Type.Object(
  {
    toAgencyId: Type.String({ minLength: 1, maxLength: 80, description: 'The motcua agency asked for its opinion' }),
    subject: Type.String({ minLength: 1, maxLength: 500, description: 'Trích yếu nội dung' }),
    body: Type.String({ minLength: 1, maxLength: 50_000, description: 'Nội dung: what the agency is asked' }),
    urgency: UrgencyField,
    draftingUnit: Type.String({
      pattern: '^[A-ZĐ0-9]{1,10}$',
      description: "Chữ viết tắt tên đơn vị soạn thảo (e.g. VP), in the công văn's notation",
    }),
  },
  { additionalProperties: false },
)

/** One document of the dossier's trail (migration 0038), with the document as its agency sees it. */
const DossierDocument = Type.Object({
  role: Type.Unsafe<string>({
    type: 'string',
    enum: [...dossierDocumentRoles],
    description: 'Why it is on the dossier: consultation_letter, consultation_answer, apology or result_decision',
  }),
  replyTo: Type.Union([Type.String(), Type.Null()], {
    description: 'For an answer: the consultation letter (outgoing document id) it answers',
  }),
  linkedAt: Type.String({ description: 'When it was attached to the dossier (ISO 8601)' }),
  document: DocumentView,
})

const actorOf = (p: Principal): DocumentActor => ({
  id: p.userId,
  name: p.name,
  grants: p.kind === 'citizen' ? [] : p.grants,
})

type Options = { readonly db: Db; readonly now: () => Date; readonly engine: ReturnType<typeof dossierCommands> }

/** A dossier's official documents (rules.md "Consultation letters on dossiers"): the list and the letter's draft. */
export const dossierDocumentRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { db, now, engine }) => {
  app.get(
    '/api/dossiers/:ref/documents',
    {
      config: { permission: Permission.DossierRead },
      schema: {
        operationId: 'listDossierDocuments',
        tags: ['dossiers'],
        summary: 'Văn bản của hồ sơ: lấy ý kiến, trả lời, xin lỗi, quyết định / Official documents of a dossier',
        params: Ref,
        response: {
          200: Type.Object({
            items: Type.Array(DossierDocument, { description: 'In the order they were attached' }),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      const found = await loadDossier(db, request.params.ref)
      if (found === null) return sendProblem(reply, problem('dossierNotFound', 404))
      if (!canReadDossier(principal, found.state)) return sendProblem(reply, problem('forbidden', 403))
      const items = []
      for (const link of await dossierDocumentLinks(db, found.id)) {
        const d = await loadDocument(db, link.documentId)
        if (d)
          items.push({
            role: link.role,
            replyTo: link.replyTo,
            linkedAt: link.createdAt,
            document: documentView(d, actorOf(principal)),
          })
      }
      return { items }
    },
  )

  app.post(
    '/api/dossiers/:ref/consultation-letters',
    {
      config: { permission: Permission.DocumentCommand },
      schema: {
        operationId: 'draftConsultationLetter',
        tags: ['dossiers'],
        summary:
          'Soạn văn bản lấy ý kiến cơ quan phối hợp / Draft a consultation letter; issuing it transfers the dossier',
        params: Ref,
        body: ConsultationLetter,
        response: { 201: DocumentView, ...problems },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      const deps = { db, now, engine, newId: randomUUID }
      const outcome = await draftConsultationLetter(deps, principal, request.params.ref, request.body)
      switch (outcome.kind) {
        case 'dossier':
          return sendOutcomeProblem(reply, outcome.outcome)
        case 'recipientInvalid':
          return sendProblem(reply, problem('consultationRecipientInvalid', 400))
        case 'drafted':
          reply.code(201)
          return documentView(outcome.document, actorOf(principal))
      }
    },
  )
}
