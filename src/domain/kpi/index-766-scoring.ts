export type IndicatorGroup = 'transparency' | 'progress' | 'online' | 'digitization' | 'satisfaction'

/**
 * Where a rule's points and threshold come from. VPCP's "Mô tả công thức tính chỉ số 766" (the
 * formula description: indicators, numerators, denominators, thresholds) and "Công thức 766.xlsx"
 * (sheet METRICS: points) are known from the transcription in github.com/ChippedTopaz/qd766; no primary
 * VPCP copy was found (rules.md "Decision 766 index (national formula)").
 */
export const FormulaSource = {
  Description: 'Mô tả công thức tính chỉ số 766 (VPCP), transcribed in ChippedTopaz/qd766',
  Points: 'Công thức 766.xlsx, sheet METRICS (VPCP), transcribed in ChippedTopaz/qd766',
  ProductRule: 'motcua product rule: the formula gives the group’s points, not their split (rules.md)',
} as const

/**
 * One scored indicator of the service index (Bộ chỉ số phục vụ người dân, doanh nghiệp, Decision
 * 766/QĐ-TTg). At or above `threshold` full points, below it ratio × points ÷ threshold; threshold 1
 * scores proportionally. `points` 0: shown, not scored.
 */
export type IndicatorRule = {
  readonly id: string
  readonly group: IndicatorGroup
  readonly points: number
  readonly threshold: number
  /** Where `points` comes from (the threshold always comes from the formula description). */
  readonly pointsSource: string
  /** METRICS row of the points, when the points are the formula's. */
  readonly metricsRow: number | null
  /**
   * With a zero denominator (nothing arose), its points go in equal parts to these indicators
   * instead of being lost; a receiver that has nothing either passes them on in turn (rules.md
   * "Decision 766 index", the METRICS row-23 note). Empty: the points are lost.
   */
  readonly sharedOnZeroTo: readonly string[]
}

const formula = (
  id: string,
  group: IndicatorGroup,
  points: number,
  threshold: number,
  metricsRow: number,
  sharedOnZeroTo: readonly string[] = [],
) =>
  ({
    id,
    group,
    points,
    threshold,
    pointsSource: FormulaSource.Points,
    metricsRow,
    sharedOnZeroTo,
  }) satisfies IndicatorRule
const product = (id: string, group: IndicatorGroup, points: number, threshold: number) =>
  ({
    id,
    group,
    points,
    threshold,
    pointsSource: FormulaSource.ProductRule,
    metricsRow: null,
    sharedOnZeroTo: [],
  }) satisfies IndicatorRule

/**
 * The national formula's indicators with their points (METRICS) and thresholds (the description:
 * 3.1, 3.5, 4.2, 4.3 at 80%, 3.3 at 50%, 5.4 at 90%). METRICS gives the online-service group 12 points
 * (row 7) without splitting them among 3.1–3.3: the 2/4/6 split is motcua's. It gives the payment
 * group's 10 to 3.6 (row 25) and nothing to 3.5, which is shown and not scored. 5.1 is a
 * classification worth 0 (row 20). 4.5a / 4.5b are the two ratios of indicator 4.5 (rows 17, 16);
 * 4.6 is the electronic certified copy (row 14), which the description does not number.
 * Row 23's note: "Trường hợp, cơ quan, đơn vị không có phản ánh, kiến nghị thì điểm số được chia đều cho
 * 02 chỉ tiêu về Tỷ lệ phản ánh, kiến nghị đúng hạn và tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC":
 * 5.3's points go half to 5.2, half to 5.4. When 5.2 has no petitions either, its points (and the half
 * it got) go to 5.4 — a product rule, so that a unit without petitions is not penalised.
 */
export const decision766Scoring: readonly IndicatorRule[] = [
  formula('1.1', 'transparency', 6, 1, 2),
  formula('1.2', 'transparency', 4, 1, 3),
  formula('1.3', 'transparency', 2, 1, 4),
  formula('1.4', 'transparency', 6, 1, 5),
  formula('2.1', 'progress', 20, 1, 6),
  product('3.1', 'online', 2, 0.8),
  product('3.2', 'online', 4, 1),
  product('3.3', 'online', 6, 0.5),
  formula('3.5', 'online', 0, 0.8, 25),
  formula('3.6', 'online', 10, 1, 25),
  formula('4.1', 'digitization', 6, 1, 12),
  formula('4.2', 'digitization', 4, 0.8, 13),
  formula('4.3', 'digitization', 2, 0.8, 15),
  formula('4.4', 'digitization', 4, 1, 16),
  formula('4.5a', 'digitization', 2, 1, 18),
  formula('4.5b', 'digitization', 2, 1, 17),
  formula('4.6', 'digitization', 2, 1, 14),
  formula('5.1', 'satisfaction', 0, 1, 20),
  formula('5.2', 'satisfaction', 6, 1, 22, ['5.4']),
  formula('5.3', 'satisfaction', 6, 1, 23, ['5.2', '5.4']),
  formula('5.4', 'satisfaction', 6, 0.9, 24),
]
