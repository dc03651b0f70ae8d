import { type Static, Type } from 'typebox'
import { computedMeasures } from '../../domain/programme/measure.ts'
import { reformAreas } from '../../domain/programme/reform-area.ts'

/** A string of a closed set (the TypeBox type stays the domain's union). */
const literalUnion = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>(Type.String({ enum: [...values], description }))

export const ReformAreaField = literalUnion(
  reformAreas,
  'Nội dung cải cách (Resolution 76/NQ-CP 2021): institutions, administrative procedures, apparatus, civil service, public finance, digital government',
)
export const ComputedMeasureField = literalUnion(
  computedMeasures,
  "One of motcua's computed measures (the indicator dashboard's, the on-time share, the Decision 766 total)",
)
const year = (description: string) => Type.Integer({ minimum: 2000, maximum: 2100, description })
const isoDay = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description })
const text = (description: string, maxLength = 2000) => Type.String({ minLength: 1, maxLength, description })
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T, description: string) =>
  Type.Union([t, Type.Null()], { description })

export const ProgrammeSummary = Type.Object(
  {
    id: Type.String({ description: 'Programme id' }),
    name: Type.String({ description: 'Tên chương trình (Vietnamese)' }),
    nameEn: Type.String({ description: 'The name in English' }),
    source: Type.String({ description: 'The act that adopted it' }),
    phases: Type.Array(
      Type.Object({
        id: Type.String({ description: 'Phase id' }),
        name: Type.String({ description: 'Tên giai đoạn' }),
        fromYear: Type.Integer({ description: 'First year' }),
        toYear: Type.Integer({ description: 'Last year' }),
      }),
      { description: 'Giai đoạn: the phases' },
    ),
    solutionGroups: Type.Array(
      Type.Object({
        id: Type.String({ description: 'Group id' }),
        area: ReformAreaField,
        name: Type.String({ description: 'Nhóm giải pháp' }),
      }),
      { description: 'Nhóm giải pháp: the groups of solutions' },
    ),
  },
  { description: 'Chương trình cải cách hành chính of the province' },
)

export const TargetSourceField = Type.Union(
  [
    Type.Object({
      kind: Type.Literal('computed', { description: 'Computed live by motcua' }),
      measure: ComputedMeasureField,
    }),
    Type.Object({
      kind: Type.Literal('reported', { description: 'Reported by a unit with an evidence file' }),
      responsibleAgencyId: nullable(Type.String(), 'The unit that reports it; null: any unit or the province'),
    }),
  ],
  { description: "How the target's figure is obtained" },
)

export const NewTargetBody = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9_]{2,60}$', description: 'Stable key; a revision uses the same key' }),
    title: text('Tên chỉ tiêu (Vietnamese)', 300),
    titleEn: text('The name in English', 300),
    area: ReformAreaField,
    solutionGroupId: nullable(Type.String(), 'Nhóm giải pháp, or null'),
    phaseId: Type.String({ minLength: 1, description: 'The phase the target belongs to' }),
    year: nullable(year('A year of the phase'), "A year's own target, or null for the phase's"),
    source: TargetSourceField,
    comparator: Type.Union([Type.Literal('below'), Type.Literal('at_least')], {
      description: 'below: the figure must stay under the value; at_least: reach it',
    }),
    value: Type.Number({ minimum: 0, description: 'A share 0–1, points for the 766 index, or a rank' }),
    effectiveFrom: isoDay('Ngày hiệu lực: the day this revision applies from'),
    basis: text('Căn cứ: the resolution, decision or plan the number comes from, with its article', 1000),
    illustrative: Type.Boolean({ description: 'True when the number is an illustration, not a published one' }),
  },
  { additionalProperties: false },
)

export const TargetView = Type.Intersect([
  Type.Object({
    id: Type.String({ description: 'Target revision id' }),
    programmeId: Type.String({ description: 'Programme' }),
  }),
  NewTargetBody,
])
export type TargetView = Static<typeof TargetView>

export const EvidenceField = Type.Object(
  {
    name: text('Tên tệp (for display only)', 200),
    contentBase64: Type.String({
      minLength: 4,
      maxLength: 7_000_000,
      pattern: '^[A-Za-z0-9+/]+={0,2}$',
      description: 'The file, base64: PDF, JPEG or PNG, at most 5 MiB',
    }),
  },
  { description: 'Tệp minh chứng: the evidence file' },
)

export const TargetFigureBody = Type.Object(
  {
    year: year('The year the figure is for'),
    value: Type.Number({ minimum: 0, description: 'The figure (a share 0–1, or the unit the target uses)' }),
    agencyId: Type.String({ minLength: 1, description: 'The reporting unit (ignored when the target names one)' }),
    note: Type.String({ maxLength: 4000, description: 'Giải trình, how the figure was obtained' }),
    evidence: EvidenceField,
  },
  { additionalProperties: false },
)

const EvidenceRef = Type.Object(
  {
    sha256: Type.String({ description: 'SHA-256 of the file: GET /api/programme/evidence/{sha256}' }),
    name: Type.String({ description: 'The file name as reported' }),
  },
  { description: 'Tệp minh chứng (its content is kept once by its SHA-256)' },
)

export const ReportedFigureView = Type.Object({
  id: Type.String({ description: 'Report id' }),
  targetKey: Type.String({ description: 'Target key' }),
  year: Type.Integer({ description: 'Year' }),
  value: Type.Number({ description: 'The figure' }),
  agencyId: Type.String({ description: 'Reporting unit' }),
  note: Type.String({ description: 'Giải trình' }),
  evidence: EvidenceRef,
  reportedBy: Type.String({ description: 'User id' }),
  reportedAt: Type.String({ description: 'When (ISO 8601)' }),
})

const FigureSourceView = Type.Union(
  [
    Type.Object({
      kind: Type.Literal('computed', { description: 'Computed by motcua' }),
      measure: ComputedMeasureField,
      period: Type.Object(
        {
          from: Type.String({ description: 'First day' }),
          to: Type.String({ description: 'Last day' }),
          measuredTo: Type.String({ description: 'Measured up to (today for a running year)' }),
        },
        { description: 'The window measured' },
      ),
      counters: Type.String({
        description: 'The counters the figure is a ratio of; for satisfaction, the survey periods and answers pooled',
      }),
    }),
    Type.Object({
      kind: Type.Literal('reported', { description: 'Reported by a unit' }),
      reportId: Type.String({ description: "The unit's report" }),
      agencyId: Type.String({ description: 'Reporting unit' }),
      evidence: EvidenceRef,
      reportedAt: Type.String({ description: 'When' }),
    }),
  ],
  { description: 'Nguồn số liệu: where the figure comes from' },
)

const TargetYearView = Type.Object(
  {
    year: Type.Integer({ description: 'Year' }),
    target: Type.Intersect(TargetView.allOf, { description: 'The target in force for that year' }),
    value: nullable(Type.Number(), 'The figure; null: n/a or not reported yet'),
    met: nullable(Type.Boolean(), 'Đạt / không đạt; null: nothing to compare'),
    source: nullable(FigureSourceView, 'Null when nothing was measured or reported'),
  },
  { description: "A year's figure against the target then in force" },
)

export const DashboardView = Type.Object({
  programme: ProgrammeSummary,
  year: Type.Integer({ description: 'The year shown' }),
  rows: Type.Array(
    Type.Object({
      key: Type.String({ description: 'Target key' }),
      title: Type.String({ description: 'Tên chỉ tiêu' }),
      titleEn: Type.String({ description: 'Name in English' }),
      area: ReformAreaField,
      current: TargetYearView,
      trend: Type.Array(TargetYearView, { description: 'The programme years up to this one' }),
    }),
    { description: 'One row per target in force' },
  ),
})

export const NewPlanBody = Type.Object(
  {
    year: year('Năm kế hoạch'),
    name: text('Tên kế hoạch', 300),
    decision: text('Số, ngày quyết định ban hành kế hoạch', 300),
  },
  { additionalProperties: false },
)

export const NewTaskBody = Type.Object(
  {
    area: ReformAreaField,
    solutionGroupId: nullable(Type.String(), 'Nhóm giải pháp, or null'),
    title: text('Tên nhiệm vụ', 500),
    output: text('Sản phẩm: the expected output', 500),
    agencyId: Type.String({ minLength: 1, description: 'Cơ quan chủ trì: the department or commune assigned' }),
    deadline: isoDay('Hạn hoàn thành (a calendar date)'),
  },
  { additionalProperties: false },
)

export const TaskView = Type.Object({
  id: Type.String({ description: 'Task id' }),
  planYear: Type.Integer({ description: 'Plan year' }),
  area: ReformAreaField,
  solutionGroupId: nullable(Type.String(), 'Nhóm giải pháp'),
  title: Type.String({ description: 'Tên nhiệm vụ' }),
  output: Type.String({ description: 'Sản phẩm' }),
  agencyId: Type.String({ description: 'Assigned unit' }),
  deadline: Type.String({ description: 'Hạn hoàn thành' }),
  status: Type.Union(
    [Type.Literal('assigned'), Type.Literal('in_progress'), Type.Literal('completion_requested'), Type.Literal('done')],
    { description: 'Trạng thái' },
  ),
  completedOn: nullable(Type.String(), 'The day completion was approved'),
  overdue: Type.Boolean({ description: 'Quá hạn: not done after its deadline day (calendar dates)' }),
  completedLate: Type.Boolean({ description: 'Approved after its deadline' }),
  percent: Type.Integer({ description: 'The latest reported progress, 0–100' }),
  reports: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Report id' }),
      kind: Type.Union(
        [
          Type.Literal('progress'),
          Type.Literal('completion_requested'),
          Type.Literal('approved'),
          Type.Literal('returned'),
        ],
        { description: 'What the report is' },
      ),
      percent: nullable(Type.Integer(), 'Progress'),
      note: Type.String({ description: 'Nội dung' }),
      evidence: nullable(EvidenceRef, 'Tệp minh chứng'),
      by: Type.String({ description: 'User id' }),
      at: Type.String({ description: 'When' }),
    }),
    { description: 'Báo cáo tiến độ, oldest first' },
  ),
  availableActions: Type.Array(
    Type.Union([
      Type.Literal('report-progress'),
      Type.Literal('request-completion'),
      Type.Literal('approve'),
      Type.Literal('return'),
    ]),
    { description: "What the caller may do now (the task's one gate)" },
  ),
})

export const PlanView = Type.Object({
  programmeId: Type.String({ description: 'Programme' }),
  year: Type.Integer({ description: 'Năm' }),
  name: Type.String({ description: 'Tên kế hoạch' }),
  decision: Type.String({ description: 'Quyết định ban hành' }),
  tasks: Type.Array(TaskView, { description: 'The tasks the caller may see, by deadline' }),
})

export const ProgressBody = Type.Object(
  {
    percent: Type.Integer({ minimum: 0, maximum: 100, description: 'Share done, 0–100' }),
    note: text('Nội dung báo cáo tiến độ', 4000),
    evidence: nullable(EvidenceField, 'An optional file'),
  },
  { additionalProperties: false },
)
export const CompletionBody = Type.Object(
  {
    note: text('Nội dung đề nghị công nhận hoàn thành', 4000),
    evidence: nullable(EvidenceField, 'The output file (required: null is refused)'),
  },
  { additionalProperties: false },
)
export const ApprovalBody = Type.Object(
  {
    approved: Type.Boolean({ description: 'True: completed; false: returned to the unit' }),
    note: Type.String({ maxLength: 4000, description: 'Ý kiến' }),
  },
  { additionalProperties: false },
)
