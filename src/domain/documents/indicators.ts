import { type Ratio, ratio } from '../kpi/ratio.ts'

/**
 * What the store counts for one agency over a window (rules.md "Document indicators"): outgoing
 * documents issued (văn bản đi phát hành, Decree 30/2020 Art. 18) and how many of them reached every
 * recipient as an electronic document (văn bản điện tử, Art. 3(4), legal as the paper original when
 * signed by the signer and the agency, Art. 5(1)); incoming documents received (văn bản đến, Art. 20),
 * those finished (done or answered, Art. 24) on or before their handling deadline (thời hạn giải quyết,
 * Art. 23(2)) or after it, and those still open past it at the window's end.
 */
export type DocumentCounts = {
  readonly sent: number
  readonly sentElectronically: number
  readonly received: number
  readonly finished: number
  readonly finishedOnTime: number
  readonly finishedLate: number
  readonly overdueOpen: number
}

export type DocumentIndicators = DocumentCounts & {
  /** Issued but not delivered electronically to every recipient (on paper, or not yet over the axis) */
  readonly sentOtherwise: number
  /** sentElectronically ÷ sent: the report's share of documents sent electronically */
  readonly electronicShare: Ratio
  /** finishedOnTime ÷ (finishedOnTime + finishedLate): documents without a deadline are in neither */
  readonly onTimeShare: Ratio
  /** finishedLate + overdueOpen: late either way */
  readonly overdue: number
}

export const noDocuments: DocumentCounts = {
  sent: 0,
  sentElectronically: 0,
  received: 0,
  finished: 0,
  finishedOnTime: 0,
  finishedLate: 0,
  overdueOpen: 0,
}

const keys = Object.keys(noDocuments) as (keyof DocumentCounts)[]

export const addDocumentCounts = (a: DocumentCounts, b: Partial<DocumentCounts>): DocumentCounts =>
  Object.fromEntries(keys.map((k) => [k, a[k] + (b[k] ?? 0)])) as DocumentCounts

export function documentIndicators(c: DocumentCounts): DocumentIndicators {
  return {
    ...c,
    sentOtherwise: c.sent - c.sentElectronically,
    electronicShare: ratio(c.sentElectronically, c.sent),
    onTimeShare: ratio(c.finishedOnTime, c.finishedOnTime + c.finishedLate),
    overdue: c.finishedLate + c.overdueOpen,
  }
}

export type AgencyDocumentIndicators = DocumentIndicators & { readonly agencyId: string; readonly agencyName: string }

/** The province's total (the sum of its agencies' counts, then the ratios) and each agency, by name. */
export function documentReport(
  agencies: readonly { readonly agencyId: string; readonly agencyName: string; readonly counts: DocumentCounts }[],
): { total: DocumentIndicators; agencies: AgencyDocumentIndicators[] } {
  const total = agencies.reduce((sum, a) => addDocumentCounts(sum, a.counts), noDocuments)
  return {
    total: documentIndicators(total),
    agencies: [...agencies]
      .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi') || a.agencyId.localeCompare(b.agencyId))
      .map((a) => ({ agencyId: a.agencyId, agencyName: a.agencyName, ...documentIndicators(a.counts) })),
  }
}
