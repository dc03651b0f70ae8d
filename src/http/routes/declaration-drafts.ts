import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Permission } from '../../domain/access/route-permissions.ts'
import { formatInstant, localDate } from '../../domain/calendar/local-time.ts'
import { findProcedure } from '../../store/catalog/procedure-queries.ts'
import type { Db } from '../../store/database.ts'
import {
  deleteDraft,
  findDraft,
  listDrafts,
  type DeclarationDraft as StoredDraft,
  saveDraft,
} from '../../store/declarations/drafts.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

/** A draft may hold this much data (its JSON text): a long declaration is a few KiB. */
export const draftDataLimitBytes = 256 * 1024

const procedureCode = Type.String({
  pattern: '^[A-Za-z0-9.-]+$',
  maxLength: 60,
  description: 'Procedure code: the national code (e.g. 1.000894) when one exists',
})
const Params = Type.Object({ code: procedureCode })

const formVersion = Type.Integer({ minimum: 1, description: 'The form version the data was entered on' })
const step = Type.Union([Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 60 }), Type.Null()], {
  description: 'Id of the layout step the citizen was on (to resume there); null when none',
})
const data = Type.Record(Type.String(), Type.Unknown(), {
  description: 'The declaration as entered so far: partial, not validated against the form until submission',
})
const updatedAt = Type.String({ description: 'Last saved, ISO 8601' })
const expiresAt = Type.String({
  description: 'When the draft is deleted unless saved again (last save + MOTCUA_DRAFT_TTL_DAYS), ISO 8601',
})

/** Bản nháp tờ khai: a declaration being entered, kept on the server under the citizen's account. */
const DeclarationDraft = Type.Object({ procedureCode, formVersion, data, step, updatedAt, expiresAt })
/** What the citizen saves. */
const DeclarationDraftInput = Type.Object({ formVersion, data, step }, { additionalProperties: false })
/** One line of the citizen's list of drafts. */
const DeclarationDraftSummary = Type.Object({
  procedureCode,
  procedureName: Type.String({ description: 'Procedure name (its latest version)' }),
  formVersion,
  step,
  updatedAt,
  expiresAt,
})

const problems = { 400: Type.Ref('Problem'), 401: Type.Ref('Problem'), 403: Type.Ref('Problem') }

const view = (d: StoredDraft) => ({
  procedureCode: d.procedureCode,
  formVersion: d.formVersion,
  data: d.data,
  step: d.step,
  updatedAt: formatInstant(d.updatedAt.getTime()),
  expiresAt: formatInstant(d.expiresAt.getTime()),
})

export type DeclarationDraftRouteOptions = { db: Db; now: () => Date; ttlDays: number }

/**
 * Lưu nháp tờ khai: the signed-in citizen saves a declaration as they go and resumes it on any device;
 * one draft per account and procedure, none readable by anyone else, gone `ttlDays` after its last save.
 */
export const declarationDraftRoutes: FastifyPluginAsyncTypebox<DeclarationDraftRouteOptions> = async (
  app,
  { db, now, ttlDays },
) => {
  app.get(
    '/api/declaration-drafts',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'listDeclarationDrafts',
        tags: ['dossiers'],
        summary: 'Bản nháp tờ khai của tôi / My declaration drafts, last saved first',
        response: {
          200: Type.Object({
            items: Type.Array(DeclarationDraftSummary, { description: 'Live drafts, newest first' }),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      if (p.kind !== 'citizen') return sendProblem(reply, problem('forbidden', 403))
      const drafts = await listDrafts(db, p.userId, now())
      return {
        items: drafts.map((d) => ({
          ...d,
          updatedAt: formatInstant(d.updatedAt.getTime()),
          expiresAt: formatInstant(d.expiresAt.getTime()),
        })),
      }
    },
  )

  app.get(
    '/api/declaration-drafts/:code',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'getDeclarationDraft',
        tags: ['dossiers'],
        summary: 'Mở bản nháp tờ khai / My draft declaration for a procedure',
        params: Params,
        response: { 200: DeclarationDraft, ...problems, 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      if (p.kind !== 'citizen') return sendProblem(reply, problem('forbidden', 403))
      const draft = await findDraft(db, p.userId, request.params.code, now())
      return draft ? view(draft) : sendProblem(reply, problem('draftNotFound', 404))
    },
  )

  app.put(
    '/api/declaration-drafts/:code',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'saveDeclarationDraft',
        tags: ['dossiers'],
        summary: 'Lưu nháp tờ khai / Save my draft declaration for a procedure (replaces the one before)',
        params: Params,
        body: DeclarationDraftInput,
        response: {
          200: DeclarationDraft,
          ...problems,
          404: Type.Ref('Problem'),
          413: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      if (p.kind !== 'citizen') return sendProblem(reply, problem('forbidden', 403))
      const { code } = request.params
      const body = request.body
      if (Buffer.byteLength(JSON.stringify(body.data)) > draftDataLimitBytes)
        return sendProblem(
          reply,
          problem('payloadTooLarge', 413, {
            errors: [
              {
                path: 'body/data',
                message: `bản nháp không được quá ${draftDataLimitBytes / 1024} KiB`,
                en: `a draft may hold at most ${draftDataLimitBytes / 1024} KiB`,
              },
            ],
          }),
        )
      const at = now()
      if (!(await findProcedure(db, code, localDate(at)))) return sendProblem(reply, problem('procedureNotFound', 404))
      const saved = await saveDraft(
        db,
        p.userId,
        { procedureCode: code, formVersion: body.formVersion, data: body.data, step: body.step },
        ttlDays,
        { at, actor: `${p.name} (${p.userId})` },
      )
      return view(saved)
    },
  )

  app.delete(
    '/api/declaration-drafts/:code',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'deleteDeclarationDraft',
        tags: ['dossiers'],
        summary: 'Xóa bản nháp tờ khai / Discard my draft declaration for a procedure',
        params: Params,
        response: { 204: Type.Null(), ...problems, 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      if (p.kind !== 'citizen') return sendProblem(reply, problem('forbidden', 403))
      const deleted = await deleteDraft(db, p.userId, request.params.code, {
        at: now(),
        actor: `${p.name} (${p.userId})`,
        reason: 'discarded',
      })
      return deleted ? reply.code(204).send(null) : sendProblem(reply, problem('draftNotFound', 404))
    },
  )
}
