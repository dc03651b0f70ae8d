/** A ratio as the indicators publish it: rounded to 2 decimals; a zero denominator gives "n/a" (rules.md §6). */
export type Ratio = number | 'n/a'

export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100

export const ratio = (numerator: number, denominator: number): Ratio =>
  denominator === 0 ? 'n/a' : round2(numerator / denominator)
