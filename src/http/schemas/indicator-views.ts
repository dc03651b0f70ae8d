import { Type } from 'typebox'

const count = Type.Integer({ minimum: 0 })
export const RatioView = Type.Union([Type.Number(), Type.Literal('n/a')], {
  description: 'Rounded to 2 decimals (0.97 = 97%); "n/a" when the denominator is zero (rules.md §6)',
})

export const WindowView = Type.Object({
  from: Type.String(),
  to: Type.String(),
  measuredTo: Type.String({ description: 'Stocks (in progress, overdue) are measured at the end of this day' }),
})

export const Ii06aFiguresView = Type.Object(
  {
    received: count,
    receivedOnline: count,
    receivedInPersonOrPost: count,
    carriedOver: Type.Integer(),
    resolved: count,
    resolvedEarly: count,
    resolvedOnTime: count,
    resolvedLate: count,
    withdrawn: count,
    stopped: count,
    inProgress: Type.Integer(),
    inProgressWithinDeadline: Type.Integer(),
    inProgressOverdue: Type.Integer(),
  },
  { description: 'Form II.06a figures; resolved includes withdrawn and stopped dossiers' },
)

const Points = Type.Object({ points: Type.Number(), max: Type.Number() })
export const Index766View = Type.Object({
  total: Type.Number({ description: 'Decision 766 service index, out of 100' }),
  groups: Type.Object({
    transparency: Points,
    progress: Points,
    online: Points,
    digitization: Points,
    satisfaction: Points,
  }),
  indicators: Type.Record(Type.String(), Type.Object({ ratio: RatioView, points: Type.Number(), max: Type.Number() })),
  averageWorkingDays: Type.Union([Type.Number(), Type.Literal('n/a')], { description: 'Indicator 2.2 (information)' }),
})

export const SummaryFields = {
  figures: Ii06aFiguresView,
  onTimeRate: RatioView,
  onlineRate: RatioView,
  index766: Index766View,
}

export const MeasureView = Type.Object({
  measure: Type.String(),
  value: RatioView,
  target: Type.Union([
    Type.Object({
      measure: Type.String(),
      comparator: Type.Union([Type.Literal('below'), Type.Literal('at_least')]),
      value: Type.Number(),
      effectiveFrom: Type.String(),
      source: Type.String(),
    }),
    Type.Null(),
  ]),
  met: Type.Union([Type.Boolean(), Type.Null()]),
})

export const TrendPointView = Type.Object({
  month: Type.String(),
  received: count,
  receivedOnline: count,
  resolved: count,
  resolvedLate: count,
  onTimeResolvedRate: RatioView,
})

export const OverviewView = Type.Object({
  window: WindowView,
  agency: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  ...SummaryFields,
  programme: Type.Array(MeasureView),
  trend: Type.Array(TrendPointView),
})

export const RankingView = Type.Object({
  window: WindowView,
  rows: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      agencyId: Type.String(),
      agencyName: Type.String(),
      level: Type.Union([Type.Literal('province'), Type.Literal('commune')]),
      ...SummaryFields,
    }),
  ),
})

const Level = Type.Union([Type.Literal('province'), Type.Literal('commune')])
export const Ii06aReportView = Type.Object({
  window: WindowView,
  agencyId: Type.Union([Type.String(), Type.Null()]),
  rows: Type.Array(
    Type.Object({ level: Level, fieldId: Type.String(), fieldName: Type.String(), figures: Ii06aFiguresView }),
  ),
  levelTotals: Type.Array(Type.Object({ level: Level, figures: Ii06aFiguresView })),
  total: Ii06aFiguresView,
})

export const BreakdownView = Type.Object({
  window: WindowView,
  by: Type.Union([Type.Literal('field'), Type.Literal('procedure')]),
  rows: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), ...SummaryFields })),
})
