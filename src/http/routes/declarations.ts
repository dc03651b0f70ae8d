import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { declarationPdf } from '../../app/declarations/declaration-pdf.ts'
import { canReadDossier, Permission } from '../../domain/access/route-permissions.ts'
import { dayOf, isoDate } from '../../domain/calendar/local-time.ts'
import { FormDefinition } from '../../domain/declarations/form-definition.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { formContext } from '../../store/forms/form-context.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

export type DeclarationRouteOptions = { db: Db; now: () => Date }

const Params = Type.Object({
  ref: Type.String({ pattern: '^[A-Za-z0-9.-]+$', maxLength: 80, description: 'Dossier code, or its id' }),
})
const names = (description: string) =>
  Type.Record(Type.String(), Type.String(), { description: `${description}, by code` })
/** The form a dossier's declaration was made on, with the unit names its addresses hold as codes. */
const DeclarationForm = Type.Object({
  form: { ...FormDefinition, description: 'The form version the declaration was made on (pinned with the dossier)' },
  placeNames: Type.Object(
    {
      provinces: Type.Optional(names('Province names')),
      communes: Type.Optional(names('Commune names of the unit tree (statistical code)')),
    },
    { description: 'Names of the units the declaration’s addresses hold as codes' },
  ),
})
const problems = { 401: Type.Ref('Problem'), 403: Type.Ref('Problem'), 404: Type.Ref('Problem') }
const noDeclaration = () => problem('noDeclaration', 404)

/** The declaration of a dossier: its form (for the officer's view) and the tờ khai as PDF. */
export const declarationRoutes: FastifyPluginAsyncTypebox<DeclarationRouteOptions> = async (app, { db, now }) => {
  const readable = async (request: import('fastify').FastifyRequest, ref: string) => {
    const found = await loadDossier(db, ref)
    if (!found) return problem('dossierNotFound', 404)
    if (!canReadDossier(callerOf(request), found.state)) return problem('forbidden', 403)
    return found
  }
  const today = () => isoDate(dayOf(now().getTime()))

  app.get(
    '/api/dossiers/:ref/declaration.pdf',
    {
      config: { permission: Permission.DossierRead },
      schema: {
        operationId: 'getDossierDeclarationPdf',
        tags: ['dossiers'],
        summary: 'Tờ khai của hồ sơ theo mẫu, PDF / The dossier’s declaration in its official layout, PDF',
        params: Params,
        response: {
          200: Type.String({ description: 'application/pdf', contentMediaType: 'application/pdf' }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const found = await readable(request, request.params.ref)
      if (!('state' in found)) return sendProblem(reply, found)
      const document = await declarationPdf(db, found, today())
      if (!document) return sendProblem(reply, noDeclaration())
      return reply
        .header('content-type', 'application/pdf')
        .header('content-length', String(document.pdf.length))
        .header('content-disposition', `inline; filename="${document.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(document.pdf)
    },
  )

  app.get(
    '/api/dossiers/:ref/declaration-form',
    {
      config: { permission: Permission.DossierRead },
      schema: {
        operationId: 'getDossierDeclarationForm',
        tags: ['dossiers'],
        summary:
          'Biểu mẫu tờ khai mà hồ sơ đã khai theo / The form version the dossier’s declaration was made on, with unit names',
        params: Params,
        response: { 200: DeclarationForm, ...problems },
      },
    },
    async (request, reply) => {
      const found = await readable(request, request.params.ref)
      if (!('state' in found)) return sendProblem(reply, found)
      const ctx = found.state.declaration ? await formContext(db, found.state, today(), '') : null
      if (!ctx?.declarationForm) return sendProblem(reply, noDeclaration())
      return { form: ctx.declarationForm, placeNames: ctx.placeNames ?? {} }
    },
  )
}
