import type { Db } from '../../store/database.ts'

/**
 * What the survey use cases need: the database, the clock, the public address the links point to,
 * and the shell's randomness (crypto) for link tokens and for a seed when none is given.
 */
export type SurveyDeps = {
  readonly db: Db
  readonly now: () => Date
  readonly publicBaseUrl: string
  readonly randomToken: () => string
}
