import { type Static, Type } from 'typebox'
import { FormDefinition } from '../declarations/form-definition.ts'
import { AgencyKindSchema } from './agency.ts'
import { Publication, ReducedBy } from './publication.ts'
import { DateOnly, SourceRef } from './source.ts'
import { TimeLimit } from './time-limit.ts'

/** Online service level of Decree 42/2022 (rules.md §5); legacy level 4 ≈ full, 3 ≈ partial. */
export const OnlineLevel = {
  /** Dịch vụ công trực tuyến toàn trình */
  Full: 'full',
  /** Dịch vụ công trực tuyến một phần */
  Partial: 'partial',
  None: 'none',
} as const
export type OnlineLevel = (typeof OnlineLevel)[keyof typeof OnlineLevel]
export const OnlineLevelSchema = Type.Enum(OnlineLevel, {
  description: 'Online service level (Decree 42/2022)',
})

/** Form in which a component must be supplied: bản chính / bản sao chứng thực / bản sao. */
export const DocumentForm = {
  Original: 'original',
  CertifiedCopy: 'certified_copy',
  Copy: 'copy',
  /** Giấy tờ phải xuất trình: shown at the counter, not kept */
  Presented: 'presented',
} as const
export type DocumentForm = (typeof DocumentForm)[keyof typeof DocumentForm]

/** Thành phần hồ sơ: a document the applicant must supply. */
export const RequiredDocument = Type.Object({
  name: Type.String({ minLength: 1, description: 'Name as published in the National TTHC Database' }),
  form: Type.Enum(DocumentForm, {
    description: 'original (bản chính), certified_copy (bản sao chứng thực), copy (bản sao) or presented (xuất trình)',
  }),
  quantity: Type.Integer({ minimum: 1, description: 'Number of copies in this form' }),
  group: Type.Union([Type.String(), Type.Null()], {
    description: 'Published heading or case, e.g. "Giấy tờ phải xuất trình"',
  }),
})
export type RequiredDocument = Static<typeof RequiredDocument>

/** Phí, lệ phí: a fee or charge of the procedure. */
export const Fee = Type.Object({
  name: Type.String({ description: 'Name of the fee (phí) or charge (lệ phí) as published' }),
  amountVnd: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: 'Amount in VND when published as a figure (0 = free); null when set elsewhere',
  }),
  text: Type.String({ description: 'The fee as published, e.g. "Theo quy định của HĐND cấp tỉnh"' }),
})
export type Fee = Static<typeof Fee>

/** Roles that act on a dossier inside the agencies (glossary). */
export const WorkflowRole = {
  CounterOfficer: 'counter_officer',
  Specialist: 'specialist',
  Leader: 'leader',
  Clerk: 'clerk',
} as const
export type WorkflowRole = (typeof WorkflowRole)[keyof typeof WorkflowRole]

/** Bước xử lý nội bộ (quy trình nội bộ): one step with its share of the time limit. */
export const WorkflowStep = Type.Object({
  name: Type.String({ description: 'Step name in Vietnamese, as on the control sheet' }),
  role: Type.Enum(WorkflowRole, {
    description:
      'Who does the step: counter_officer (một cửa), specialist (chuyên viên), leader (lãnh đạo), clerk (văn thư)',
  }),
  agencyKind: AgencyKindSchema,
  agencyId: Type.Union([Type.String(), Type.Null()], {
    description: 'The specific agency, or null for the one of that kind handling the dossier',
  }),
  budgetHours: Type.Number({ minimum: 0, description: 'Working hours allowed for this step' }),
})
export type WorkflowStep = Static<typeof WorkflowStep>

/** Kind of result the procedure produces (kết quả giải quyết). */
export const ResultKind = Type.Union([
  Type.Literal('document', { description: 'A permit, certificate, decision or other document' }),
  Type.Literal('confirmation', { description: 'An entry, registration or confirmation without a separate document' }),
])

/** One version of a procedure, in force from a date; dossiers stay pinned to their version. */
export const ProcedureVersion = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  effectiveFrom: DateOnly,
  effectiveTo: Type.Union([DateOnly, Type.Null()]),
  name: Type.String({ minLength: 1 }),
  fieldId: Type.String(),
  level: Type.Union([Type.Literal('province'), Type.Literal('commune'), Type.Literal('central')], {
    description: 'Cấp thực hiện',
  }),
  competentAgencyKind: AgencyKindSchema,
  competentAgencyId: Type.Union([Type.String(), Type.Null()], {
    description: 'The department that decides, for province-level procedures; null = the commune of the applicant',
  }),
  legalBasis: Type.Array(Type.String(), { description: 'Căn cứ pháp lý: document numbers' }),
  timeLimit: TimeLimit,
  onlineTimeLimit: Type.Union([TimeLimit, Type.Null()], { description: 'Separate limit for online dossiers, if any' }),
  statutoryTimeLimit: Type.Optional(
    Type.Union([TimeLimit, Type.Null()], {
      description:
        'The limit in the law (from the national TTHC database once synced); absent = not recorded. The province’s cut is `timeLimit` below it',
    }),
  ),
  statutorySource: Type.Optional(
    Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
      description:
        'Where `statutoryTimeLimit` comes from: the national TTHC database record (code, page, publishing decision, the limit as published) or the article of the law; absent or null = no statutory limit recorded',
    }),
  ),
  reducedBy: Type.Optional(
    Type.Union([ReducedBy, Type.Null()], {
      description:
        'The provincial decision that set `timeLimit` below `statutoryTimeLimit`; absent or null = none recorded',
    }),
  ),
  reductionIllustrative: Type.Optional(
    Type.Boolean({
      description:
        'The cut of `timeLimit` below `statutoryTimeLimit` is an illustration in demo data, not a provincial decision; absent = false',
    }),
  ),
  publication: Type.Optional(
    Type.Union([Publication, Type.Null()], {
      description:
        'Publication data from the national TTHC database (decision, dates, Art. 8(2) texts); absent = not synced',
    }),
  ),
  localReview: Type.Optional(
    Type.Array(Type.String(), {
      description: 'Local settings the catalogue sync defaulted and the provincial administrator should review',
    }),
  ),
  cutoffTime: Type.Union([Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), Type.Null()], {
    description: 'Reception after this time counts from the next working day (rules.md §4)',
  }),
  onlineLevel: OnlineLevelSchema,
  fullOnlineEligible: Type.Boolean({ description: 'Eligible for full-process online service (indicator 3.1)' }),
  fees: Type.Array(Fee),
  requiredDocuments: Type.Array(RequiredDocument),
  resultKind: ResultKind,
  resultName: Type.String(),
  supplementLimitDays: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description: 'Working days the applicant has to supply a requested supplement before the dossier stops',
  }),
  anyLocation: Type.Boolean({ description: 'Phi địa giới hành chính: any one-stop unit of the province may receive' }),
  paymentPausesClock: Type.Optional(
    Type.Boolean({
      description:
        'The procedure’s law pauses its time limit while a financial obligation (fee, tax) is awaited; absent = no pause',
    }),
  ),
  interAgency: Type.Boolean({ description: 'Liên thông: passes through several agencies' }),
  steps: Type.Array(WorkflowStep, { minItems: 1 }),
  source: SourceRef,
  form: Type.Optional({ ...FormDefinition, description: 'Tờ khai: the declaration form of this version' }),
})
export type ProcedureVersion = Static<typeof ProcedureVersion>

/** Thủ tục hành chính: a procedure of the catalogue with its versions. */
export const Procedure = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z0-9.-]+$', description: 'Catalogue key: the national code when one exists' }),
  nationalCode: Type.Union([Type.String(), Type.Null()], {
    description: 'Code in the National TTHC Database, only when a public source confirms it',
  }),
  versions: Type.Array(ProcedureVersion, { minItems: 1 }),
})
export type Procedure = Static<typeof Procedure>

/** Lĩnh vực: a field of procedures. */
export const Field = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9_-]+$' }),
  name: Type.String({ description: 'Published Vietnamese name of the field' }),
  nameEn: Type.String(),
})
export type Field = Static<typeof Field>
