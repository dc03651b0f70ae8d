import type { ProcedureVersion } from '../catalog/procedure.ts'

/** The catalogue side of the service index for one agency or the province: counts of procedures. */
export type CatalogueCounts = {
  readonly procedures: number
  /** Published with legal basis, components and a source (indicator 1.1). */
  readonly completeInfo: number
  /** Offered online, partially or fully (3.1). */
  readonly online: number
  readonly fullEligible: number
  readonly fullOfEligible: number
  readonly feeBearing: number
  /** Fee-bearing procedures offered fully online, which includes paying online (3.5, rules.md §5). */
  readonly feeBearingOnlinePayment: number
  /** Procedures whose configured limit is shorter than the statutory one (the reform programme). */
  readonly cut: number
}

/** Có phí, lệ phí: a fee or charge other than 0 (an amount set elsewhere counts). */
export const hasFee = (v: Pick<ProcedureVersion, 'fees'>) => v.fees.some((f) => f.amountVnd === null || f.amountVnd > 0)

export function catalogueCounts(versions: readonly ProcedureVersion[], isCut: (v: ProcedureVersion) => boolean) {
  const count = (p: (v: ProcedureVersion) => boolean) => versions.filter(p).length
  return {
    procedures: versions.length,
    completeInfo: count((v) => v.legalBasis.length > 0 && v.requiredDocuments.length > 0 && v.source.url !== null),
    online: count((v) => v.onlineLevel !== 'none'),
    fullEligible: count((v) => v.fullOnlineEligible),
    fullOfEligible: count((v) => v.fullOnlineEligible && v.onlineLevel === 'full'),
    feeBearing: count(hasFee),
    feeBearingOnlinePayment: count((v) => hasFee(v) && v.onlineLevel === 'full'),
    cut: count(isCut),
  } satisfies CatalogueCounts
}
