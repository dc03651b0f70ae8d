import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import {
  type CatalogueClient,
  CatalogueRefused,
  CatalogueUnavailable,
} from '../../adapters/national-portal/catalogue-client.ts'
import { syncCatalogue } from '../../app/catalogue/sync-catalogue.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import { dayAfter } from '../../domain/catalog/catalogue-change.ts'
import { syncedFields } from '../../domain/catalog/catalogue-diff.ts'
import { DateOnly } from '../../domain/catalog/source.ts'
import {
  type ApprovalOutcome,
  approveChangeSet,
  changeSet,
  listChangeSets,
  rejectChangeSet,
} from '../../store/catalog/change-sets.ts'
import type { Db } from '../../store/database.ts'
import { problem, sendProblem } from '../problem.ts'

const BadRecordView = Type.Object({
  code: Type.Union([Type.String(), Type.Null()], { description: 'Mã TTHC when the record had a readable one' }),
  reason: Type.String({ description: 'Why it was not imported' }),
})

const ChangeSetSummaryView = Type.Object({
  id: Type.Integer({ description: 'Change set number' }),
  status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')], {
    description: 'pending (chờ duyệt), approved (đã phê duyệt) or rejected (đã từ chối)',
  }),
  baseRevision: Type.Integer({
    description: 'The catalogue revision it was computed against; approval needs it current',
  }),
  sourceUrl: Type.String({ description: 'The national database it was read from' }),
  fetched: Type.Integer({ description: 'Records read' }),
  counts: Type.Object(
    {
      new: Type.Integer({ description: 'Procedures new to the catalogue' }),
      changed: Type.Integer({ description: 'Procedures with a changed national field' }),
      repealed: Type.Integer({ description: 'Procedures repealed (bãi bỏ) still in force here' }),
      bad: Type.Integer({ description: 'Records reported, not imported' }),
    },
    { description: 'How many items of each kind' },
  ),
  createdAt: Type.String({ description: 'When the sync ran, ISO 8601' }),
  createdBy: Type.String({ description: 'Who ran it' }),
  decidedAt: Type.Union([Type.String(), Type.Null()], { description: 'When it was approved or rejected' }),
  decidedBy: Type.Union([Type.String(), Type.Null()], { description: 'Who decided' }),
  effectiveFrom: Type.Union([DateOnly, Type.Null()], { description: 'First day the approved versions apply' }),
})

const ChangeSetView = Type.Object({
  ...ChangeSetSummaryView.properties,
  items: Type.Array(
    Type.Object({
      seq: Type.Integer({ description: 'Position in the change set' }),
      code: Type.String({ description: 'Procedure code' }),
      kind: Type.Union([Type.Literal('new'), Type.Literal('changed'), Type.Literal('repealed')], {
        description: 'new (mới), changed (thay đổi) or repealed (bãi bỏ)',
      }),
      baseVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'The version it changes or ends' }),
      name: Type.String({ description: 'Name as the national database publishes it' }),
      repealedOn: Type.Union([DateOnly, Type.Null()], { description: 'Ngày bãi bỏ, for a repealed procedure' }),
      changes: Type.Array(
        Type.Object({
          field: Type.Enum([...syncedFields], { description: 'The national-owned field that differs' }),
          before: Type.Unknown({ description: 'Its value in the catalogue (null = not recorded)' }),
          after: Type.Unknown({ description: 'Its value in the national database' }),
        }),
        { description: 'Per field, before → after (changed items only)' },
      ),
    }),
    { description: 'The differences, by procedure code' },
  ),
  badRecords: Type.Array(BadRecordView, { description: 'Records the sync could not read or place' }),
})

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, description: 'Change set number' }) })
const ApprovalBody = Type.Object(
  {
    effectiveFrom: Type.Optional({
      ...DateOnly,
      description: 'First day the new versions apply; default the day after the approval (Vietnam time)',
    }),
  },
  { additionalProperties: false },
)

const errors = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
}

const whoIs = (p: Principal | null) => (p ? `${p.name} (${p.userId})` : 'unknown')

function refusal(o: Extract<ApprovalOutcome, { ok: false }>) {
  switch (o.why) {
    case 'not_found':
      return problem('catalogueChangeSetNotFound', 404)
    case 'decided':
      return problem('catalogueChangeSetDecided', 409)
    case 'stale':
      return problem('catalogueChangeSetStale', 409)
    case 'starts_too_early':
      return problem('catalogueChangeSetTooEarly', 422, {
        errors: [
          {
            path: 'body/effectiveFrom',
            message: `phải sau ngày ${o.versionStarts}, ngày bắt đầu phiên bản đang áp dụng của ${o.code}`,
            en: `must be after ${o.versionStarts}, when the version of ${o.code} in force began`,
          },
        ],
      })
  }
}

export type CatalogueSource = { readonly client: CatalogueClient; readonly sourceUrl: string }

/** Đồng bộ danh mục TTHC: the provincial administrator runs a sync, reviews its diff and decides. */
export const catalogueChangeSetRoutes: FastifyPluginAsyncTypebox<{
  db: Db
  now: () => Date
  source: CatalogueSource | null
}> = async (app, { db, now, source }) => {
  app.get(
    '/api/catalogue/change-sets',
    {
      config: { permission: Permission.CatalogueManage },
      schema: {
        operationId: 'listCatalogueChangeSets',
        tags: ['catalogue'],
        summary: 'Các bộ thay đổi danh mục TTHC / Catalogue change sets from the national database, newest first',
        response: {
          200: Type.Object({
            changeSets: Type.Array(ChangeSetSummaryView, { description: 'Up to 50 change sets, newest first' }),
          }),
          401: errors[401],
          403: errors[403],
        },
      },
    },
    async () => ({ changeSets: await listChangeSets(db) }),
  )

  app.post(
    '/api/catalogue/change-sets',
    {
      config: { permission: Permission.CatalogueManage },
      schema: {
        operationId: 'syncCatalogue',
        tags: ['catalogue'],
        summary:
          'Đồng bộ danh mục từ CSDL quốc gia về TTHC / Fetch the national catalogue into a change set for review',
        description:
          'Reads every page and stores the diff; the catalogue changes only when the change set is approved.',
        response: {
          201: ChangeSetView,
          401: errors[401],
          403: errors[403],
          502: Type.Ref('Problem'),
          503: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      if (!source) return sendProblem(reply, problem('catalogueNotConfigured', 503))
      const at = now()
      try {
        const r = await syncCatalogue(db, { ...source, by: whoIs(request.principal), now: at, today: localDate(at) })
        const created = await changeSet(db, r.changeSetId)
        if (!created) throw new Error(`change set ${r.changeSetId} vanished`)
        return reply.code(201).send(created)
      } catch (error) {
        if (error instanceof CatalogueUnavailable || error instanceof CatalogueRefused) {
          request.log.warn({ err: error }, 'catalogue sync failed')
          return sendProblem(reply, problem('catalogueUnavailable', 502))
        }
        throw error
      }
    },
  )

  app.get(
    '/api/catalogue/change-sets/:id',
    {
      config: { permission: Permission.CatalogueManage },
      schema: {
        operationId: 'getCatalogueChangeSet',
        tags: ['catalogue'],
        summary: 'Một bộ thay đổi với từng khác biệt / A change set with each difference, field by field',
        params: IdParams,
        response: { 200: ChangeSetView, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
      },
    },
    async (request, reply) => {
      const set = await changeSet(db, request.params.id)
      return set ?? sendProblem(reply, problem('catalogueChangeSetNotFound', 404))
    },
  )

  app.post(
    '/api/catalogue/change-sets/:id/approval',
    {
      config: { permission: Permission.CatalogueManage },
      schema: {
        operationId: 'approveCatalogueChangeSet',
        tags: ['catalogue'],
        summary: 'Phê duyệt bộ thay đổi / Approve a change set as a whole',
        description:
          'In one transaction: a new version of each changed procedure from effectiveFrom (the previous ends the day before), version 1 of each new one, the end of each repealed one. Refused as stale (409) when another change set was approved since it was computed. Audited.',
        params: IdParams,
        body: ApprovalBody,
        response: { 200: ChangeSetView, ...errors },
      },
    },
    async (request, reply) => {
      const at = now()
      const from = request.body.effectiveFrom ?? dayAfter(localDate(at))
      const outcome = await approveChangeSet(db, request.params.id, from, { by: whoIs(request.principal), at })
      return decided(reply, outcome, request.params.id)
    },
  )

  app.post(
    '/api/catalogue/change-sets/:id/rejection',
    {
      config: { permission: Permission.CatalogueManage },
      schema: {
        operationId: 'rejectCatalogueChangeSet',
        tags: ['catalogue'],
        summary: 'Từ chối bộ thay đổi / Reject a change set as a whole; the catalogue is untouched',
        params: IdParams,
        response: {
          200: ChangeSetView,
          400: errors[400],
          401: errors[401],
          403: errors[403],
          404: errors[404],
          409: errors[409],
        },
      },
    },
    async (request, reply) => {
      const outcome = await rejectChangeSet(db, request.params.id, { by: whoIs(request.principal), at: now() })
      return decided(reply, outcome, request.params.id)
    },
  )

  async function decided(reply: FastifyReply, outcome: ApprovalOutcome, id: number) {
    if (!outcome.ok) return sendProblem(reply, refusal(outcome))
    return (await changeSet(db, id)) ?? sendProblem(reply, problem('catalogueChangeSetNotFound', 404))
  }
}
