import { Type } from 'typebox'

const count = (description: string) => Type.Integer({ minimum: 0, description })
const day = (description: string) => Type.String({ description: `${description} (YYYY-MM-DD, Vietnam time)` })
const ratioMeaning = 'rounded to 2 decimals (0.97 = 97%); "n/a" when the denominator is zero (rules.md §6)'
/** A ratio saying what it divides. */
export const ratio = (description: string) =>
  Type.Union([Type.Number(), Type.Literal('n/a')], { description: `${description}, ${ratioMeaning}` })

export const WindowView = Type.Object(
  {
    from: day('First day of the period'),
    to: day('Last day of the period, inclusive'),
    measuredTo: Type.String({ description: 'Stocks (in progress, overdue) are measured at the end of this day' }),
  },
  { description: 'The period the figures cover' },
)

/** Báo cáo mẫu II.06a (Circular 01/2020/TT-VPCP): received, resolved and in progress (rules.md §6). */
export const Ii06aFiguresView = Type.Object(
  {
    received: count('Số hồ sơ tiếp nhận: dossiers received in the period, all channels'),
    receivedOnline: count('Received online (trực tuyến)'),
    receivedInPersonOrPost: count('Received in person or by public post (trực tiếp, bưu chính)'),
    carriedOver: Type.Integer({
      description: 'Từ kỳ trước chuyển qua: received before the period, still open at its start',
    }),
    resolved: count('Số hồ sơ đã giải quyết: ended in the period (withdrawn and stopped included)'),
    resolvedEarly: count('Resolved before the appointment (trước hạn)'),
    resolvedOnTime: count('Resolved on the appointment day (đúng hạn)'),
    resolvedLate: count('Resolved after the appointment, or after more than one supplement (quá hạn)'),
    withdrawn: count('Withdrawn by the applicant (status 7)'),
    stopped: count('Stopped or refused after appraisal (status 8)'),
    inProgress: Type.Integer({ description: 'Số hồ sơ đang giải quyết: open at the end of the period' }),
    inProgressWithinDeadline: Type.Integer({
      description: 'Open and within the deadline (waiting for a supplement included)',
    }),
    inProgressOverdue: Type.Integer({ description: 'Open and past the deadline (quá hạn)' }),
  },
  { description: 'Form II.06a figures; resolved includes withdrawn and stopped dossiers' },
)

const points = (description: string) =>
  Type.Object(
    {
      points: Type.Number({ description: 'Points earned' }),
      max: Type.Number({ description: 'Points the group is worth' }),
    },
    { description },
  )
const NotApplicableView = Type.Object(
  {
    reason: Type.Union([Type.Literal('zero_denominator'), Type.Literal('not_recorded')], {
      description: 'zero_denominator: nothing arose in the period; not_recorded: motcua does not hold the data',
    }),
    missing: Type.Array(Type.String(), { description: 'The data the formula needs and motcua lacks (Vietnamese)' }),
  },
  { description: 'Không áp dụng: an indicator without a ratio awards no points' },
)
export const Index766View = Type.Object(
  {
    total: Type.Number({ description: 'Decision 766 service index, out of 100' }),
    groups: Type.Object(
      {
        transparency: points('Công khai, minh bạch: 18 points'),
        progress: points('Tiến độ giải quyết: 20 points'),
        online: points('Dịch vụ công trực tuyến and thanh toán trực tuyến: 22 points'),
        digitization: points('Số hóa hồ sơ: 22 points'),
        satisfaction: points('Mức độ hài lòng: 18 points'),
      },
      { description: 'The five groups of the index (rules.md "Decision 766 index (national formula)")' },
    ),
    indicators: Type.Record(
      Type.String(),
      Type.Object({
        ratio: Type.Union([Type.Number(), Type.Null()], {
          description: 'Rounded to 2 decimals (0.97 = 97%); null when not applicable (n/a, see notApplicable)',
        }),
        points: Type.Number({
          description: 'Points earned: full at the threshold, else ratio × points ÷ threshold; 0 when not applicable',
        }),
        max: Type.Number({
          description:
            'Points the indicator is worth here: the national formula’s, plus points shared to it, 0 when it shared its own (0 in the formula: shown, not scored)',
        }),
        notApplicable: Type.Union([NotApplicableView, Type.Null()], {
          description: 'Không áp dụng (n/a): why there is no ratio; null when there is one',
        }),
        sharedTo: Type.Optional(
          Type.Array(Type.String(), {
            description:
              'Nothing arose (zero denominator): its points went in equal parts to these indicators (5.3 → 5.2, 5.4; 5.2 → 5.4; METRICS row 23, rules.md "Decision 766 index")',
          }),
        ),
      }),
      {
        description:
          'Each indicator by its number in the national formula (1.1–1.4, 2.1, 3.1–3.3, 3.5, 3.6, 4.1–4.4, 4.5a, 4.5b, 4.6, 5.1–5.4; rules.md "Decision 766 index (national formula)")',
      },
    ),
    averageWorkingDays: Type.Union([Type.Number(), Type.Literal('n/a')], {
      description: 'Indicator 2.2 (information)',
    }),
  },
  { description: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (Decision 766/QĐ-TTg)' },
)

export const SummaryFields = {
  figures: Ii06aFiguresView,
  onTimeRate: ratio('Indicator 2.1: dossiers ended by their appointment ÷ received or processed'),
  onlineRate: ratio('Indicator 3.3: online dossiers ÷ all received'),
  index766: Index766View,
}

const Target = Type.Object(
  {
    measure: Type.String({ description: 'The programme measure the target is for' }),
    comparator: Type.Union([Type.Literal('below'), Type.Literal('at_least')], {
      description: 'below: the value must stay under it (late rate); at_least: reach it',
    }),
    value: Type.Number({ description: 'The target, as a ratio (0.1 = 10%)' }),
    effectiveFrom: day('The target applies from this day'),
    source: Type.String({ description: 'The plan or decision that set it' }),
  },
  { description: 'Chỉ tiêu: the target in force' },
)
export const MeasureView = Type.Object({
  measure: Type.String({
    description:
      'A reform programme measure (rules.md §6): late_rate, satisfaction, online_share, full_process_share, online_payment, e_result_share, apology_rate or cut_procedures',
  }),
  value: ratio('The measure over the period'),
  target: Type.Union([Target, Type.Null()], { description: 'The target in force; null when none is set' }),
  met: Type.Union([Type.Boolean(), Type.Null()], {
    description: 'Whether the value meets the target; null without a target or a value',
  }),
})

export const TrendPointView = Type.Object({
  month: Type.String({ description: 'The month, YYYY-MM' }),
  received: count('Received in the month'),
  receivedOnline: count('Received online in the month'),
  resolved: count('Resolved in the month'),
  resolvedLate: count('Resolved late in the month'),
  onTimeResolvedRate: ratio('Resolved on time ÷ resolved, in the month'),
})

const Agency = Type.Object(
  {
    id: Type.String({ description: 'Agency id' }),
    name: Type.String({ description: 'Agency name in force at the end of the period' }),
  },
  { description: 'The agency the figures are for; null for the whole province' },
)
export const OverviewView = Type.Object({
  window: WindowView,
  agency: Type.Union([Agency, Type.Null()], { description: 'The agency the figures are for; null for the province' }),
  ...SummaryFields,
  programme: Type.Array(MeasureView, { description: 'The reform programme’s own measures against targets' }),
  trend: Type.Array(TrendPointView, { description: 'Month by month over the last twelve months' }),
})

const Level = Type.Union([Type.Literal('province'), Type.Literal('commune')], {
  description: 'Cấp: province or commune (two-tier local government, rules.md §7)',
})
export const RankingView = Type.Object({
  window: WindowView,
  rows: Type.Array(
    Type.Object({
      rank: Type.Integer({ description: 'Place by the Decision 766 index, 1 = best' }),
      agencyId: Type.String({ description: 'Processing agency id' }),
      agencyName: Type.String({ description: 'Its name in force at the end of the period' }),
      level: Level,
      ...SummaryFields,
    }),
    { description: 'Agencies, best first' },
  ),
})

export const Ii06aReportView = Type.Object({
  window: WindowView,
  agencyId: Type.Union([Type.String(), Type.Null()], {
    description: 'The processing agency reported on; null for the province',
  }),
  rows: Type.Array(
    Type.Object({
      level: Level,
      fieldId: Type.String({ description: 'Lĩnh vực: the field of procedures' }),
      fieldName: Type.String({ description: 'Name of the field' }),
      figures: Ii06aFiguresView,
    }),
    { description: 'One row per level and field' },
  ),
  levelTotals: Type.Array(Type.Object({ level: Level, figures: Ii06aFiguresView }), {
    description: 'Totals per level',
  }),
  total: { ...Ii06aFiguresView, description: 'Grand total' },
})

export const BreakdownView = Type.Object({
  window: WindowView,
  by: Type.Union([Type.Literal('field'), Type.Literal('procedure')], {
    description: 'field: one agency by field; procedure: one field by procedure',
  }),
  rows: Type.Array(
    Type.Object({
      key: Type.String({ description: 'Field id or procedure code' }),
      name: Type.String({ description: 'Field or procedure name' }),
      ...SummaryFields,
    }),
    { description: 'One row per field or procedure' },
  ),
})
