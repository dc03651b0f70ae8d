import { type Static, Type } from 'typebox'
import { FormDefinition } from '../declarations/form-definition.ts'
import { AgencyKindSchema } from './agency.ts'
import { Fee, OnlineLevelSchema, RequiredDocument, WorkflowStep } from './procedure.ts'
import { SourceRef } from './source.ts'
import { TimeLimit } from './time-limit.ts'

const AgencyRef = Type.Object({
  id: Type.String({ description: 'Agency id' }),
  name: Type.String({ description: 'Agency name in force today' }),
})

/** One row of the procedure list: what a citizen needs to pick the right procedure. */
export const ProcedureSummary = Type.Object({
  code: Type.String({ description: 'Catalogue key: the national code when one exists' }),
  nationalCode: Type.Union([Type.String(), Type.Null()], {
    description: 'Mã TTHC in the National Database of administrative procedures; null for a local one',
  }),
  name: Type.String({ description: 'Tên thủ tục hành chính, as published' }),
  field: Type.String({ description: 'Field id (lĩnh vực), the value the `field` filter takes' }),
  fieldName: Type.String({ description: 'Name of the field (lĩnh vực)' }),
  level: Type.String({ description: 'Cấp thực hiện: province, commune or central' }),
  onlineLevel: OnlineLevelSchema,
  timeLimit: TimeLimit,
  competentAgency: Type.Union([AgencyRef, Type.Null()], {
    description: 'The deciding agency; null means the commune People\u2019s Committee where the applicant applies',
  }),
  interAgency: Type.Boolean({ description: 'Liên thông: passes through several agencies (rules.md §1)' }),
  anyLocation: Type.Boolean({
    description: 'Phi địa giới: any one-stop unit of the province may receive it (rules.md §1)',
  }),
})
export type ProcedureSummary = Static<typeof ProcedureSummary>

export const ProcedurePage = Type.Object({
  items: Type.Array(ProcedureSummary, { description: 'The procedures of this page, most relevant first' }),
  total: Type.Integer({ description: 'Number of matching procedures over all pages' }),
  page: Type.Integer({ description: 'This page, from 1' }),
  pageSize: Type.Integer({ description: 'Procedures per page' }),
})
export type ProcedurePage = Static<typeof ProcedurePage>

/** A procedure with the version in force today: documents, fees, limits, legal basis, steps. */
export const ProcedureDetail = Type.Intersect([
  ProcedureSummary,
  Type.Object({
    version: Type.Integer({ description: 'Version of the procedure in force today' }),
    effectiveFrom: Type.String({ description: 'The version applies from this day (YYYY-MM-DD)' }),
    effectiveTo: Type.Union([Type.String(), Type.Null()], {
      description: 'Last day of the version; null while no successor is decided',
    }),
    competentAgencyKind: AgencyKindSchema,
    legalBasis: Type.Array(Type.String(), { description: 'Căn cứ pháp lý: the legal documents, by number' }),
    onlineTimeLimit: Type.Union([TimeLimit, Type.Null()], {
      description: 'Separate time limit for online dossiers; null when the same as in person',
    }),
    cutoffTime: Type.Union([Type.String(), Type.Null()], {
      description: 'HH:MM after which reception counts from the next working day (rules.md §4); null for none',
    }),
    fullOnlineEligible: Type.Boolean({ description: 'Eligible for full-process online service (indicator 3.1)' }),
    fees: Type.Array(Fee, { description: 'Phí, lệ phí: fees and charges' }),
    requiredDocuments: Type.Array(RequiredDocument, { description: 'Thành phần hồ sơ: the documents to supply' }),
    resultKind: Type.String({
      description: 'document: a permit, certificate or decision; confirmation: an entry without a document',
    }),
    resultName: Type.String({ description: 'Kết quả thực hiện: what the applicant receives' }),
    supplementLimitDays: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Working days the applicant has to supplement before the dossier is stopped; null for no limit',
    }),
    steps: Type.Array(WorkflowStep, { description: 'Quy trình nội bộ: the steps, each with its share of the limit' }),
    form: Type.Union([FormDefinition, Type.Null()], {
      description:
        'Tờ khai: the declaration form of this version — `schema` is plain JSON Schema 2020-12 that POST /api/dossiers ' +
        'validates `declaration.data` with, plus the named rules; null only for a catalogue loaded without forms',
    }),
    source: { ...SourceRef, description: 'Where the catalogue record comes from' },
  }),
])
export type ProcedureDetail = Static<typeof ProcedureDetail>
