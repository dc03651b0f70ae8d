import { type Static, Type } from 'typebox'
import { AgencyKindSchema } from '../../domain/catalog/agency.ts'
import { Fee, OnlineLevelSchema, RequiredDocument, WorkflowStep } from '../../domain/catalog/procedure.ts'
import { SourceRef } from '../../domain/catalog/source.ts'
import { TimeLimit } from '../../domain/catalog/time-limit.ts'

const AgencyRef = Type.Object({ id: Type.String(), name: Type.String() })

/** One row of the procedure list: what a citizen needs to pick the right procedure. */
export const ProcedureSummary = Type.Object({
  code: Type.String({ description: 'Catalogue key: the national code when one exists' }),
  nationalCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  field: Type.String({ description: 'Field id (lĩnh vực), the value the `field` filter takes' }),
  fieldName: Type.String(),
  level: Type.String({ description: 'Cấp thực hiện: province, commune or central' }),
  onlineLevel: OnlineLevelSchema,
  timeLimit: TimeLimit,
  competentAgency: Type.Union([AgencyRef, Type.Null()], {
    description: 'The deciding agency; null means the commune People\u2019s Committee where the applicant applies',
  }),
  interAgency: Type.Boolean(),
  anyLocation: Type.Boolean(),
})
export type ProcedureSummary = Static<typeof ProcedureSummary>

export const ProcedurePage = Type.Object({
  items: Type.Array(ProcedureSummary),
  total: Type.Integer({ description: 'Number of matching procedures over all pages' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type ProcedurePage = Static<typeof ProcedurePage>

/** A procedure with the version in force today: documents, fees, limits, legal basis, steps. */
export const ProcedureDetail = Type.Intersect([
  ProcedureSummary,
  Type.Object({
    version: Type.Integer(),
    effectiveFrom: Type.String(),
    effectiveTo: Type.Union([Type.String(), Type.Null()]),
    competentAgencyKind: AgencyKindSchema,
    legalBasis: Type.Array(Type.String()),
    onlineTimeLimit: Type.Union([TimeLimit, Type.Null()]),
    cutoffTime: Type.Union([Type.String(), Type.Null()]),
    fullOnlineEligible: Type.Boolean(),
    fees: Type.Array(Fee),
    requiredDocuments: Type.Array(RequiredDocument),
    resultKind: Type.String(),
    resultName: Type.String(),
    supplementLimitDays: Type.Union([Type.Integer(), Type.Null()]),
    steps: Type.Array(WorkflowStep),
    source: SourceRef,
  }),
])
export type ProcedureDetail = Static<typeof ProcedureDetail>
