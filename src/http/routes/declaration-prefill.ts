import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { prefillDeclaration } from '../../app/declarations/prefill.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import type { Db } from '../../store/database.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

/** A value offered for one field of the form, with its source, for the citizen to see and edit. */
const PrefillValue = Type.Object({
  path: Type.String({ description: 'The field’s path in the declaration (husband/birthDate)' }),
  value: Type.Unknown({ description: 'The value offered; valid for the field’s schema' }),
  source: Type.Union([Type.Literal('vneid'), Type.Literal('earlier-declaration')], {
    description:
      'vneid: what VNeID vouched for (the applicant’s own fields); earlier-declaration: the same field of an ' +
      'earlier dossier of theirs (Decree 45/2020/NĐ-CP art. 9, data once given is reused)',
  }),
  dossierCode: Type.Optional(Type.String({ description: 'Mã hồ sơ the earlier value comes from, once received' })),
})

/** Everything the citizen's identity and earlier declarations answer on the procedure's current form. */
const DeclarationPrefill = Type.Object({
  formVersion: Type.Integer({ minimum: 1, description: 'The form version the paths belong to' }),
  values: Type.Array(PrefillValue, { description: 'One value per field at most, in layout order' }),
})

/** Điền sẵn tờ khai: never silent, each value names where it comes from. */
export const declarationPrefillRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (
  app,
  { db, now },
) => {
  app.get(
    '/api/procedures/:code/prefill',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'getDeclarationPrefill',
        tags: ['dossiers'],
        summary: 'Điền sẵn tờ khai / Values my VNeID identity and earlier declarations give the procedure’s form',
        params: Type.Object({
          code: Type.String({
            pattern: '^[A-Za-z0-9.-]+$',
            maxLength: 60,
            description: 'Procedure code: the national code (e.g. 1.000894) when one exists',
          }),
        }),
        response: {
          200: DeclarationPrefill,
          400: Type.Ref('Problem'),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
          404: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      if (p.kind !== 'citizen') return sendProblem(reply, problem('forbidden', 403))
      const outcome = await prefillDeclaration(db, p, request.params.code, localDate(now()))
      if (!outcome.ok)
        return sendProblem(
          reply,
          outcome.problem === 'no-form' ? problem('notFound', 404) : problem('procedureNotFound', 404),
        )
      return { formVersion: outcome.formVersion, values: [...outcome.values] }
    },
  )
}
