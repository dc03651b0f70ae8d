import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { renderForm } from '../../adapters/pdf/render-form.ts'
import { actorsFor, canReadDossier, Permission } from '../../domain/access/route-permissions.ts'
import { dayOf, isoDate, parseIsoDate } from '../../domain/calendar/local-time.ts'
import { buildDossierForm, buildTrackingBook } from '../../domain/forms/build.ts'
import { type DossierFormNumber, dossierFormNumbers, type FormDocument } from '../../domain/forms/form-document.ts'
import type { Db } from '../../store/database.ts'
import { loadDocumentFile } from '../../store/documents/document-store.ts'
import { dossierDocumentLinks } from '../../store/documents/dossier-documents.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { formContext, trackingBookData } from '../../store/forms/form-context.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

export type FormRouteOptions = { db: Db; now: () => Date; baseUrl: string }

const FormParams = Type.Object({
  ref: Type.String({ pattern: '^[A-Za-z0-9.-]+$', maxLength: 80, description: 'Dossier code, or its id' }),
  form: Type.Union(
    dossierFormNumbers.map((n) => Type.Literal(n)),
    {
      description:
        'Form number in Circular 03/2025/TT-VPCP: 01 receipt, 02 supplement request (also at reception), 03 rejection, 04 apology and extension, 05 stop notice (also for an accepted withdrawal), 06 control sheet. A dossier received before 1 July 2025 prints the Circular 01/2018/TT-VPCP edition (control sheet numbered 05 there; its stop notice has no national form).',
    },
  ),
})
const BookQuery = Type.Object(
  {
    agency: Type.Optional(
      Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 80, description: 'Receiving unit (default: your first)' }),
    ),
    from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'First day (default: today)' })),
    to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Last day (default: from)' })),
  },
  { additionalProperties: false },
)
const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}
const pdf = Type.String({ description: 'application/pdf', contentMediaType: 'application/pdf' })

/**
 * Form 04 once issued is a numbered, signed outgoing document (rules.md "Apology and result decision
 * as documents"): its stored PDF is the form, never a fresh rendering without number and signatures.
 */
async function issuedFormPdf(db: Db, dossierId: string, form: DossierFormNumber): Promise<Buffer | null> {
  if (form !== '04') return null
  const link = (await dossierDocumentLinks(db, dossierId)).find((l) => l.role === 'apology')
  return link ? loadDocumentFile(db, link.documentId) : null
}

const sendPdf = async (reply: import('fastify').FastifyReply, form: FormDocument, issued: Buffer | null = null) => {
  const body = issued ?? (await renderForm(form))
  return reply
    .header('content-type', 'application/pdf')
    .header('content-length', String(body.length))
    .header('content-disposition', `inline; filename="${form.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(body)
}

/**
 * Printable forms as PDF: 01–06 of a dossier, 07 of a unit, in the circular's edition in force at the
 * dossier's reception (Circular 03/2025/TT-VPCP from 1 July 2025, Circular 01/2018/TT-VPCP before;
 * docs/rules.md "Forms 01–07").
 */
export const formRoutes: FastifyPluginAsyncTypebox<FormRouteOptions> = async (app, { db, now, baseUrl }) => {
  app.get(
    '/api/dossiers/:ref/forms/:form',
    {
      config: { permission: Permission.DossierRead },
      schema: {
        operationId: 'getDossierForm',
        tags: ['dossiers'],
        summary: 'Biểu mẫu của hồ sơ (mẫu 01–06), PDF / A form of the dossier (01–06) as PDF',
        params: FormParams,
        response: { 200: pdf, ...problems },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      const { ref, form } = request.params
      const found = await loadDossier(db, ref)
      if (!found) return sendProblem(reply, problem('dossierNotFound', 404))
      if (!canReadDossier(principal, found.state)) return sendProblem(reply, problem('forbidden', 403))
      const ctx = await formContext(db, found.state, isoDate(dayOf(now().getTime())), baseUrl)
      if (!ctx) throw new Error(`dossier ${found.id} has no procedure version`)
      const document = buildDossierForm(form as DossierFormNumber, found.state, ctx)
      if (!document)
        return sendProblem(
          reply,
          problem('notFound', 404, {
            detail: `Mẫu số ${form} chưa áp dụng cho hồ sơ này`,
            en: { title: 'Not found', detail: `Form ${form} does not apply to this dossier (yet)` },
          }),
        )
      return sendPdf(reply, document, await issuedFormPdf(db, found.id, form as DossierFormNumber))
    },
  )

  app.get(
    '/api/tracking-book',
    {
      config: { permission: Permission.QueueRead },
      schema: {
        operationId: 'getTrackingBook',
        tags: ['dossiers'],
        summary: 'Sổ theo dõi hồ sơ (mẫu 07) của bộ phận một cửa, PDF / Tracking book of a receiving unit (form 07)',
        querystring: BookQuery,
        response: { 200: pdf, ...problems },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      const query = request.query
      const actors = actorsFor(principal, null)
      const agencyId = query.agency ?? actors.find((a) => a.agencyId !== null)?.agencyId ?? null
      if (agencyId === null || !actors.some((a) => a.agencyId === agencyId))
        return sendProblem(reply, problem('forbidden', 403))
      const today = isoDate(dayOf(now().getTime()))
      const from = parseIsoDate(query.from ?? today)
      const to = parseIsoDate(query.to ?? query.from ?? today)
      if (from === null || to === null || to < from || to - from > 366)
        return sendProblem(
          reply,
          problem('validation', 400, {
            errors: [{ path: 'querystring/from', message: 'khoảng ngày không hợp lệ', en: 'invalid period' }],
          }),
        )
      const data = await trackingBookData(db, agencyId, from, to, today)
      return sendPdf(
        reply,
        buildTrackingBook(data.dossiers, {
          agencyId,
          agencyNames: data.agencyNames,
          procedureNames: data.procedureNames,
          place: data.place,
          from,
          to,
        }),
      )
    },
  )
}
