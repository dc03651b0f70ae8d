import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { reusableDocuments } from '../../app/vault/reusable-documents.ts'
import { reuseVaultDocument } from '../../app/vault/reuse-vault-document.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'
import { listVault, type VaultItem, vaultKeysOf } from '../../store/vault/vault-items.ts'
import { callerOf } from '../auth/access-control.ts'
import { sendOutcomeProblem } from '../outcome-problem.ts'
import { problem, sendProblem } from '../problem.ts'
import { DossierView } from '../schemas/dossier-view.ts'
import { loadDossierView } from './dossier-view-loader.ts'

const VaultItemView = Type.Object({
  id: Type.String({ description: 'Vault item id: pass it as vaultItemId to reuse the document' }),
  sha256: Type.String({ description: 'SHA-256 of the signed PDF, hex' }),
  kind: Type.String({ description: 'e_result (signed result) or digitized (signed copy of a paper component)' }),
  title: Type.String({ description: 'What the document is, e.g. the result’s or the component’s name' }),
  dossierId: Type.Union([Type.String(), Type.Null()], { description: 'The dossier it came from' }),
  agencyId: Type.Union([Type.String(), Type.Null()], { description: 'The agency that signed it' }),
  createdAt: Type.String({ description: 'When it was stored, ISO 8601' }),
})

const ReusableComponent = Type.Object({
  name: Type.String({ description: 'Thành phần hồ sơ: pass it as component to reuse a document for it' }),
  form: Type.Union([Type.String(), Type.Null()], {
    description: 'original, certified_copy or copy, as the procedure asks it; null when the procedure does not list it',
  }),
  items: Type.Array(VaultItemView, {
    description: 'The applicant’s vault documents that stand for this component (rules.md, Reuse and digitization)',
  }),
})

const ReusableDocuments = Type.Object({
  components: Type.Array(ReusableComponent, {
    description:
      'Each component of the dossier and required document of its procedure version that can be supplied ' +
      '(not those to be presented), with the vault documents that stand for it',
  }),
})

const itemView = (i: VaultItem) => ({ ...i, createdAt: i.createdAt.toISOString() })

const Reuse = Type.Object(
  {
    expectedVersion: Type.Integer({ minimum: 1, description: 'The version the caller last saw' }),
    component: Type.String({ minLength: 1, maxLength: 500, description: 'The required document it stands for' }),
    vaultItemId: Type.String({ format: 'uuid', description: 'The vault item to reuse (GET /api/vault)' }),
  },
  { additionalProperties: false },
)

export type VaultRouteOptions = {
  db: Db
  now: () => Date
  engine: ReturnType<typeof dossierCommands>
}

/**
 * Kho dữ liệu điện tử: a citizen lists their signed documents and reuses one for a component of a new
 * dossier instead of uploading again; the counter may do it for the applicant standing before them.
 */
export const vaultRoutes: FastifyPluginAsyncTypebox<VaultRouteOptions> = async (app, { db, now, engine }) => {
  app.get(
    '/api/vault',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'getVault',
        tags: ['vault'],
        summary: 'Kho giấy tờ điện tử của tôi / My document vault',
        response: {
          200: Type.Object({
            items: Type.Array(VaultItemView, {
              description: 'Kho dữ liệu điện tử: the signed documents kept for the citizen',
            }),
          }),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      if (principal.kind !== 'citizen') return sendProblem(reply, problem('forbidden', 403))
      const items = await listVault(db, vaultKeysOf(principal))
      return { items: items.map(itemView) }
    },
  )

  app.get(
    '/api/dossiers/:ref/reusable-documents',
    {
      config: { permission: Permission.DossierRead },
      schema: {
        operationId: 'getReusableDocuments',
        tags: ['vault'],
        summary:
          'Giấy tờ trong kho có thể dùng lại cho từng thành phần hồ sơ / Vault documents that can stand for each component',
        params: Type.Object({
          ref: Type.String({ pattern: '^[A-Za-z0-9.-]+$', maxLength: 80, description: 'Dossier id or mã hồ sơ' }),
        }),
        response: {
          200: ReusableDocuments,
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
          404: Type.Ref('Problem'),
          409: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const found = await reusableDocuments(
        { db, contextOf: engine.contextOf },
        callerOf(request),
        request.params.ref,
        now(),
      )
      if (found.ok) return { components: found.components.map((c) => ({ ...c, items: c.items.map(itemView) })) }
      return sendProblem(
        reply,
        found.reason === 'not-found'
          ? problem('dossierNotFound', 404)
          : found.reason === 'forbidden'
            ? problem('forbidden', 403)
            : problem('reuseNotOffered', 409),
      )
    },
  )

  app.post(
    '/api/dossiers/:ref/reused-components',
    {
      config: { permission: Permission.DossierCommand },
      schema: {
        operationId: 'postReusedComponents',
        tags: ['vault'],
        summary: 'Dùng lại giấy tờ trong kho cho một thành phần hồ sơ / Reuse a vault document for a component',
        params: Type.Object({
          ref: Type.String({ pattern: '^[A-Za-z0-9.-]+$', maxLength: 80, description: 'Dossier id or mã hồ sơ' }),
        }),
        headers: Type.Object({
          'idempotency-key': Type.String({
            minLength: 8,
            maxLength: 100,
            description: 'A key of the caller’s choosing: a retry with the same key runs the command once',
          }),
        }),
        body: Reuse,
        response: {
          200: DossierView,
          400: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
          404: Type.Ref('Problem'),
          409: Type.Ref('Problem'),
          422: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      const body = request.body
      const at = now()
      const outcome = await reuseVaultDocument(
        { db, engine },
        principal,
        {
          ref: request.params.ref,
          component: body.component,
          vaultItemId: body.vaultItemId,
          expectedVersion: body.expectedVersion,
          idempotencyKey: request.headers['idempotency-key'],
        },
        at,
      )
      if (!outcome.ok && 'reason' in outcome)
        return sendProblem(
          reply,
          outcome.reason === 'not-found'
            ? problem('dossierNotFound', 404)
            : outcome.reason === 'forbidden'
              ? problem('forbidden', 403)
              : outcome.reason === 'item-not-found'
                ? problem('notFound', 404)
                : problem('vaultItemDoesNotFit', 422),
        )
      if (!outcome.ok) return sendOutcomeProblem(reply, outcome)
      return reply.send(await loadDossierView(db, engine, principal, outcome.dossierId, at))
    },
  )
}
