import type { CatalogueCounts } from '../../src/domain/kpi/catalogue-counts.ts'
import { type Counters, zeroCounters } from '../../src/domain/kpi/counters.ts'
import type { Ii06aFigures } from '../../src/domain/kpi/ii06a.ts'
import type { Index766Inputs, PetitionCounts } from '../../src/domain/kpi/index-766.ts'

/** Inputs of the index for the tests: nothing arose unless a test says so. */
export const figures = (o: Partial<Ii06aFigures> = {}): Ii06aFigures => ({
  received: 0,
  receivedOnline: 0,
  receivedInPersonOrPost: 0,
  carriedOver: 0,
  resolved: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  withdrawn: 0,
  stopped: 0,
  inProgress: 0,
  inProgressWithinDeadline: 0,
  inProgressOverdue: 0,
  ...o,
})
export const flows = (o: Partial<Counters> = {}): Counters => ({ ...zeroCounters(), ...o })
export const catalogue = (o: Partial<CatalogueCounts> = {}): CatalogueCounts => ({
  procedures: 0,
  completeInfo: 0,
  online: 0,
  fullEligible: 0,
  fullOfEligible: 0,
  feeBearing: 0,
  feeBearingOnlinePayment: 0,
  cut: 0,
  ...o,
})
const none = { numerator: 0, denominator: 0 }
/** Petition counts (5.1–5.3): none unless a test says so. */
export const petitions = (o: Partial<PetitionCounts> = {}): PetitionCounts => ({
  '5.1': none,
  '5.2': none,
  '5.3': none,
  ...o,
})
export const inputs = (o: Partial<Index766Inputs> = {}): Index766Inputs => ({
  figures: figures(),
  flows: flows(),
  catalogue: catalogue(),
  services: { onlineServices: 0, withOnlineDossier: 0, feeProcedures: 0, withFeeData: 0 },
  sync: { received: 0, synced: 0 },
  petitions: petitions(),
  ...o,
})
