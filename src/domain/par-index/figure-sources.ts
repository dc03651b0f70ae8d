import type { SatisfactionSource } from '../survey/satisfaction-of-year.ts'

/**
 * Where a unit's computed figures come from, kept beside them when the round is locked. The counter
 * figures always come from the year's indicator counters; the satisfaction index names the closed
 * survey periods and the unit's answers pooled from them (rules.md "Satisfaction in the PAR index").
 */
export type FigureSources = { readonly satisfaction: SatisfactionSource }
