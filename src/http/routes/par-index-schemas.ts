import { Type } from 'typebox'

/**
 * The PAR index's HTTP shapes (rules.md, PAR index of departments and communes); they mirror the
 * domain types of src/domain/par-index/ (criteria-set.ts, scoring.ts, round.ts, ranking.ts).
 */
const Text = Type.Object(
  { vi: Type.String({ minLength: 1, description: 'Tiếng Việt' }), en: Type.String({ description: 'English' }) },
  { description: 'A name in Vietnamese and English' },
)
const Points = (description: string) => Type.Number({ minimum: 0, maximum: 1000, description })
const Code = Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9.]+$', description: 'Mã (e.g. 3.2.a)' })

const Computed = Type.Union(
  [
    Type.Literal('on-time-share'),
    Type.Literal('online-share'),
    Type.Literal('index-766'),
    Type.Literal('satisfaction'),
  ],
  { description: 'The figure motcua computes: on-time share, online share, Decision 766 index, satisfaction' },
)
const Kind = <K extends string>(k: K, description: string) => Type.Literal(k, { description })
const ScoringMethod = Type.Union(
  [
    Type.Object({
      kind: Kind('computed', 'Tính từ dữ liệu motcua'),
      figure: Computed,
      rule: Kind('proportional', 'Points = maximum × the figure on its scale'),
    }),
    Type.Object({
      kind: Kind('computed', 'Tính từ dữ liệu motcua'),
      figure: Computed,
      rule: Kind('bands', 'Points of the highest band reached'),
      bands: Type.Array(
        Type.Object({
          from: Type.Number({ description: 'The figure from which the band applies' }),
          points: Points('Điểm of the band'),
        }),
        { maxItems: 20, description: 'The highest band reached gives its points' },
      ),
    }),
    Type.Object({
      kind: Kind('self_assessed', 'Tự đánh giá theo thang, có tài liệu kiểm chứng'),
      levels: Type.Array(Type.Object({ code: Code, label: Text, points: Points('Điểm of the level') }), {
        minItems: 1,
        maxItems: 10,
        description: 'Thang đánh giá: the scale a unit chooses from',
      }),
    }),
    Type.Object({
      kind: Kind('counted', 'Đếm × điểm mỗi trường hợp, tối đa maxPoints'),
      pointsPerItem: Points('Điểm mỗi trường hợp'),
    }),
    Type.Object({ kind: Kind('bonus', 'Điểm thưởng, tối đa maxPoints') }),
    Type.Object({ kind: Kind('penalty', 'Điểm trừ, tối đa maxPoints') }),
  ],
  { description: 'How the leaf is scored (computed, self_assessed, counted, bonus, penalty)' },
)
const Leaf = Type.Object({
  code: Code,
  name: Text,
  maxPoints: Points('Điểm tối đa; for a penalty, the most it deducts'),
  method: ScoringMethod,
})
const Criterion = Type.Union(
  [
    Leaf,
    Type.Object({
      code: Code,
      name: Text,
      subCriteria: Type.Array(Leaf, { minItems: 1, maxItems: 30, description: 'Tiêu chí thành phần' }),
    }),
  ],
  { description: 'Tiêu chí: scored itself, or through its sub-criteria' },
)
export const CriteriaSet = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Năm đánh giá' }),
    unitKind: Type.Union([Type.Literal('department'), Type.Literal('commune')], {
      description: 'Sở, ban, ngành or UBND cấp xã',
    }),
    maxPoints: Points('Thang điểm: what the leaves add up to'),
    source: Type.String({ minLength: 1, maxLength: 2000, description: 'The decision the set follows' }),
    areas: Type.Array(
      Type.Object({
        code: Code,
        name: Text,
        criteria: Type.Array(Criterion, { minItems: 1, maxItems: 40, description: 'Tiêu chí of the area' }),
      }),
      { minItems: 1, maxItems: 20, description: 'Lĩnh vực, in ranking order for ties' },
    ),
  },
  { description: 'Bộ tiêu chí Chỉ số CCHC of a year and kind of unit' },
)

const Evidence = Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), {
  maxItems: 20,
  description: 'SHA-256 of evidence files uploaded to this unit (tài liệu kiểm chứng)',
})
export const LeafAnswer = Type.Union(
  [
    Type.Object({ kind: Kind('level', 'A level of the scale'), level: Code, evidence: Evidence }),
    Type.Object({
      kind: Kind('count', 'A count of items'),
      count: Type.Integer({ minimum: 0, maximum: 100000, description: 'Số trường hợp' }),
      evidence: Evidence,
    }),
    Type.Object({
      kind: Kind('points', 'Points of a bonus or a penalty'),
      points: Points('Điểm thưởng or điểm trừ claimed'),
      evidence: Evidence,
    }),
  ],
  { description: 'A level of the scale, a count, or points (bonus, penalty)' },
)
export const Answers = Type.Record(Code, LeafAnswer, { description: 'Answers by leaf code' })

const AreaPoints = Type.Array(
  Type.Object({
    code: Type.String({ description: 'Mã lĩnh vực' }),
    points: Type.Number({ description: 'Điểm of the area' }),
  }),
  { description: 'Points by area, in the set’s order' },
)
const scoreOf = (description: string) =>
  Type.Object(
    {
      total: Type.Number({ description: 'Tổng điểm: the sum of the leaves (penalties negative)' }),
      areas: AreaPoints,
      leaves: Type.Record(Type.String(), Type.Number(), { description: 'Points by leaf code' }),
    },
    { description },
  )
const Figure = (description: string) => Type.Optional(Type.Union([Type.Number(), Type.Null()], { description }))
const Figures = Type.Object(
  {
    'on-time-share': Figure('Tỷ lệ đúng hạn, 0–1'),
    'online-share': Figure('Tỷ lệ trực tuyến, 0–1'),
    'index-766': Figure('Điểm Bộ chỉ số 766, of 100'),
    satisfaction: Figure('Chỉ số hài lòng, 0–1'),
  },
  { description: 'The unit’s figures for the year from motcua (null: not applicable)' },
)
const SurveyPeriodRef = Type.Object(
  {
    id: Type.String({ description: 'The survey period (đợt khảo sát)' }),
    name: Type.String({ description: 'Tên đợt khảo sát' }),
    from: Type.String({ format: 'date', description: 'First day of the period' }),
    to: Type.String({ format: 'date', description: 'Last day of the period' }),
  },
  { description: 'A closed SIPAS period lying within the year' },
)
const SatisfactionSource = Type.Object(
  {
    periods: Type.Array(SurveyPeriodRef, {
      description:
        'The year’s closed survey periods, by first day; empty: no closed period, the criterion is not computable',
    }),
    answers: Type.Integer({ description: 'The unit’s answer sheets pooled from those periods; 0: not computable' }),
  },
  { description: 'Where the satisfaction index comes from (rules.md "Satisfaction in the PAR index")' },
)
export const FigureSourcesView = Type.Object(
  {
    satisfaction: Type.Union([SatisfactionSource, Type.Null()], {
      description: 'Source of the SIPAS index; null in a round locked before sources were kept',
    }),
  },
  { description: 'Where the computed figures come from, fixed with them at locking' },
)
const Actions = Type.Array(
  Type.Union([
    Type.Literal('self-assess'),
    Type.Literal('appraise'),
    Type.Literal('explain'),
    Type.Literal('lock'),
    Type.Literal('publish'),
    Type.Literal('set-deadlines'),
  ]),
  { description: 'What the caller may do now' },
)
const Instant = (description: string) =>
  Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description })
const UnitId = Type.String({ description: 'The unit (agency id)' })
const UnitName = Type.String({ description: 'Tên đơn vị' })

export const RoundView = Type.Object({
  id: Type.String({ description: 'year-unitKind' }),
  year: Type.Integer({ description: 'Năm đánh giá' }),
  unitKind: Type.String({ description: 'department or commune' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('locked'), Type.Literal('published')], {
    description: 'open, locked (chốt điểm) or published (công bố)',
  }),
  criteriaSet: CriteriaSet,
  units: Type.Array(Type.Object({ id: UnitId, name: UnitName }), { description: 'Đơn vị được đánh giá' }),
  council: Type.Array(Type.String(), { description: 'Accounts of the appraisal council (Hội đồng thẩm định)' }),
  selfAssessmentDeadline: Type.String({ format: 'date-time', description: 'Hạn tự đánh giá' }),
  explanationDeadline: Type.String({ format: 'date-time', description: 'Hạn giải trình' }),
  lockedAt: Instant('Chốt điểm'),
  publishedAt: Instant('Công bố'),
  version: Type.Integer({ description: 'The round’s version' }),
  availableActions: Actions,
})

export const EvidenceView = Type.Object({
  sha256: Type.String({ description: 'SHA-256 of the content: the file’s identity' }),
  name: Type.Union([Type.String(), Type.Null()], { description: 'The client’s file name, cleaned' }),
  mediaType: Type.String({ description: 'Detected from the content' }),
  size: Type.Integer({ description: 'Bytes' }),
  uploadedAt: Type.String({ format: 'date-time', description: 'When it was uploaded' }),
})

export const AssessmentView = Type.Object({
  roundId: Type.String({ description: 'Kỳ đánh giá' }),
  unitId: UnitId,
  unitName: UnitName,
  version: Type.Integer({ description: 'Send it back as expectedVersion' }),
  self: Type.Record(Code, LeafAnswer, { description: 'The unit’s own answers by leaf code' }),
  note: Type.String({ description: 'The unit’s note on its self-assessment' }),
  selfAssessedAt: Instant('Tự đánh giá'),
  appraisal: Type.Record(Code, LeafAnswer, { description: 'The council’s answers by leaf code' }),
  comments: Type.Record(Type.String(), Type.String(), { description: 'The council’s comments by leaf code' }),
  appraisedAt: Instant('Thẩm định'),
  explanation: Type.Union([Type.String(), Type.Null()], { description: 'Giải trình' }),
  explainedAt: Instant('Giải trình'),
  figures: Figures,
  sources: FigureSourcesView,
  selfScore: scoreOf('Điểm tự chấm: from the unit’s own answers'),
  finalScore: scoreOf('Điểm sau thẩm định: the council’s answers over the unit’s'),
  evidence: Type.Array(EvidenceView, { description: 'Tài liệu kiểm chứng uploaded for the unit' }),
  availableActions: Actions,
})

const RankedUnit = Type.Object({
  rank: Type.Integer({ description: '1 for the best; ties broken by area order, then the name' }),
  unitId: UnitId,
  name: UnitName,
  total: Type.Number({ description: 'Tổng điểm' }),
  areas: AreaPoints,
})
export const RankingView = Type.Object({
  roundId: Type.String({ description: 'Kỳ đánh giá' }),
  status: Type.String({ description: 'open (provisional), locked or published' }),
  areas: Type.Array(Type.Object({ code: Type.String({ description: 'Mã lĩnh vực' }), name: Text }), {
    description: 'The set’s areas, in order',
  }),
  ranking: Type.Array(RankedUnit, { description: 'Best first' }),
  lastYear: Type.Union([Type.String(), Type.Null()], { description: 'Last year’s published round compared with' }),
  comparison: Type.Array(
    Type.Object({
      unitId: UnitId,
      name: UnitName,
      rank: Type.Integer({ description: 'This year’s rank' }),
      total: Type.Number({ description: 'This year’s total' }),
      lastRank: Type.Union([Type.Integer(), Type.Null()], { description: 'Last year’s rank' }),
      lastTotal: Type.Union([Type.Number(), Type.Null()], { description: 'Last year’s total' }),
      change: Type.Union([Type.Number(), Type.Null()], { description: 'Points gained since last year' }),
      rankChange: Type.Union([Type.Integer(), Type.Null()], { description: 'Places gained since last year' }),
    }),
    { description: 'So sánh với năm trước, in this year’s order' },
  ),
})

export const ProgressView = Type.Object({
  roundId: Type.String({ description: 'Kỳ đánh giá' }),
  answerable: Type.Integer({ description: 'How many criteria a unit answers itself (the others are computed)' }),
  units: Type.Array(
    Type.Object({
      unitId: UnitId,
      name: UnitName,
      answered: Type.Integer({ description: 'Criteria the unit has answered so far' }),
      evidence: Type.Integer({ description: 'Evidence files the unit has uploaded' }),
      selfAssessedAt: Instant('Last saved self-assessment (tự đánh giá)'),
      appraisedAt: Instant('Last appraisal by the council (thẩm định)'),
      explainedAt: Instant('The unit’s explanation (giải trình)'),
    }),
    { description: 'Tiến độ của từng đơn vị, in the round’s order; no answers and no scores' },
  ),
})

export const CouncilCandidates = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Account id, as the council list takes it' }),
      name: Type.String({ description: 'Họ và tên' }),
      username: Type.Union([Type.String(), Type.Null()], { description: 'Tên đăng nhập' }),
      agencies: Type.Array(Type.String(), { description: 'Agencies the account holds a role at' }),
    }),
    { description: 'Officer accounts, by name' },
  ),
})
