import { ProgrammeMeasure } from '../kpi/programme.ts'

/**
 * What motcua computes itself for a target: the indicator dashboard's headline measures
 * (`ProgrammeMeasure`), the on-time share, the Decision 766 index total and the share of documents
 * sent electronically (the documents module's indicators, rules.md "Document indicators").
 */
export const ComputedMeasure = {
  ...ProgrammeMeasure,
  OnTimeShare: 'on_time_share',
  Index766: 'index_766',
  EDocumentShare: 'e_document_share',
} as const
export type ComputedMeasure = (typeof ComputedMeasure)[keyof typeof ComputedMeasure]

export const computedMeasures: readonly ComputedMeasure[] = Object.values(ComputedMeasure)

/** Where a computed figure comes from: the counters of `kpi_counts` it is a ratio of (traceability). */
export const measureSource: Record<ComputedMeasure, string> = {
  late_rate: 'kpi_counts: (resolved_late + overdue in progress) / (resolved + in progress), II.06a window',
  satisfaction:
    'SIPAS survey: satisfied share of the answer sheets pooled over the closed periods lying within the year (satisfaction-of-year.ts)',
  online_share: 'kpi_counts: received_online / received',
  full_process_share: 'catalogue: full-process online procedures / procedures in force',
  online_payment: 'kpi_counts: paid_online / fee_bearing',
  e_result_share: 'kpi_counts: e_result / result_document',
  apology_rate: 'kpi_counts: late_apology / resolved_late',
  cut_procedures: 'catalogue: cut procedures / procedures in force',
  on_time_share: 'kpi_counts: (resolved_early + resolved_on_time) / resolved',
  index_766: 'Decision 766 index total (index-766-scoring.ts) over kpi_counts and the catalogue',
  e_document_share:
    'documents: outgoing issued and delivered electronically to every recipient / outgoing issued (document indicators)',
}

/** Ratios are shares (0–1); the 766 index is points (0–100). */
export const isPoints = (m: ComputedMeasure) => m === ComputedMeasure.Index766
