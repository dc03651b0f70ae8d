import { Value } from 'typebox/value'
import { checkYearDecision, YearDecision } from '../../domain/calendar/year-decision.ts'
import seed from './calendar-decisions.json' with { type: 'json' }

/**
 * The yearly decisions on days off for civil servants that public sources confirm (2024–2026; see
 * docs/data-sources.md). Loaded into `calendar_years` by `migrate`, and used by the calendar CLI
 * when no database is named.
 */
export function publishedDecisions(): YearDecision[] {
  return seed.decisions.map((decision) => {
    if (!Value.Check(YearDecision, decision))
      throw new Error(`calendar-decisions.json: year ${decision.year} is malformed`)
    const problems = checkYearDecision(decision)
    if (problems.length > 0) throw new Error(`calendar-decisions.json: ${problems.map((p) => p.en).join('; ')}`)
    return decision
  })
}
