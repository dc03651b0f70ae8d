import type { OnlineServiceCounts } from './index-766.ts'

/** A service the catalogue offers: a procedure at one processing unit (đơn vị áp dụng, indicator 3.2). */
export type ServiceOffer = {
  readonly agencyId: string
  readonly procedureCode: string
  /** Offered online, partially or fully (DVCTT một phần, toàn trình). */
  readonly online: boolean
  /** The catalogue gives the procedure a fee or charge other than 0 (indicator 3.5). */
  readonly feeBearing: boolean
}

/** What the window's received dossiers show per processing unit × field × procedure. */
export type DossierActivity = {
  readonly agencyId: string
  readonly fieldId: string
  readonly procedureCode: string
  /** At least one dossier received online. */
  readonly online: boolean
  /** At least one dossier carrying a fee other than 0. */
  readonly feeData: boolean
  /** Dossiers received in motcua (the ones it syncs to the national portal). */
  readonly motcua: number
  /** Of them, those the national portal acknowledged. */
  readonly synced: number
}

const key = (agencyId: string, procedureCode: string) => `${agencyId}|${procedureCode}`

/**
 * 3.2: online services with at least one online dossier ÷ online services, counted per processing
 * unit; 3.5: fee-bearing procedures with at least one dossier carrying fee data ÷ fee-bearing
 * procedures (each procedure once, whatever the number of units).
 */
export function onlineServiceCounts(
  offers: readonly ServiceOffer[],
  activity: readonly DossierActivity[],
): OnlineServiceCounts {
  const online = new Set(activity.filter((a) => a.online).map((a) => key(a.agencyId, a.procedureCode)))
  const feeData = new Set(activity.filter((a) => a.feeData).map((a) => key(a.agencyId, a.procedureCode)))
  return serviceCountsOf(offers, online, feeData)
}

/**
 * `onlineServiceCounts` from the units × procedures (`agencyId|procedureCode`) with an online dossier
 * and those with fee data, as the programme dashboard reads them for all its years at once.
 */
export function serviceCountsOf(
  offers: readonly ServiceOffer[],
  online: ReadonlySet<string>,
  feeData: ReadonlySet<string>,
): OnlineServiceCounts {
  const offered = offers.filter((o) => o.online)
  const feeProcedures = new Set(offers.filter((o) => o.feeBearing).map((o) => o.procedureCode))
  const withFeeData = new Set(
    offers.filter((o) => o.feeBearing && feeData.has(key(o.agencyId, o.procedureCode))).map((o) => o.procedureCode),
  )
  return {
    onlineServices: offered.length,
    withOnlineDossier: offered.filter((o) => online.has(key(o.agencyId, o.procedureCode))).length,
    feeProcedures: feeProcedures.size,
    withFeeData: withFeeData.size,
  }
}

/** 1.4's counts: motcua's dossiers received in the window and those the national portal acknowledged. */
export function syncCounts(activity: readonly DossierActivity[]): { received: number; synced: number } {
  return activity.reduce((s, a) => ({ received: s.received + a.motcua, synced: s.synced + a.synced }), {
    received: 0,
    synced: 0,
  })
}
