import type { Insertable, Selectable } from 'kysely'
import type { ProcedureVersion, WorkflowStep } from '../../domain/catalog/procedure.ts'
import type { Database } from '../schema.ts'

const json = (value: unknown) => JSON.stringify(value)

/** A version as a `procedure_versions` row (its steps and form go to their own tables). */
export function versionRow(code: string, v: ProcedureVersion): Insertable<Database['procedure_versions']> {
  return {
    procedure_code: code,
    version: v.version,
    effective_from: v.effectiveFrom,
    effective_to: v.effectiveTo,
    name: v.name,
    field_id: v.fieldId,
    level: v.level,
    competent_agency_kind: v.competentAgencyKind,
    competent_agency_id: v.competentAgencyId,
    legal_basis: json(v.legalBasis),
    time_limit: json(v.timeLimit),
    online_time_limit: v.onlineTimeLimit === null ? null : json(v.onlineTimeLimit),
    statutory_time_limit: v.statutoryTimeLimit ? json(v.statutoryTimeLimit) : null,
    cutoff_time: v.cutoffTime,
    online_level: v.onlineLevel,
    full_online_eligible: v.fullOnlineEligible,
    fees: json(v.fees),
    required_documents: json(v.requiredDocuments),
    result_kind: v.resultKind,
    result_name: v.resultName,
    supplement_limit_days: v.supplementLimitDays,
    payment_pauses_clock: v.paymentPausesClock ?? false,
    any_location: v.anyLocation,
    inter_agency: v.interAgency,
    source: json(v.source),
    publication: v.publication ? json(v.publication) : null,
    reduced_by: v.reducedBy ? json(v.reducedBy) : null,
    statutory_source: v.statutorySource ?? null,
    reduction_illustrative: v.reductionIllustrative ?? false,
    local_review: json(v.localReview ?? []),
  }
}

export const stepRows = (code: string, v: ProcedureVersion) =>
  v.steps.map((s, i) => ({
    procedure_code: code,
    version: v.version,
    seq: i + 1,
    name: s.name,
    role: s.role,
    agency_kind: s.agencyKind,
    agency_id: s.agencyId,
    budget_hours: s.budgetHours,
  }))

type StepRow = Selectable<Database['procedure_steps']>

/** A stored version back as the domain's value (without its form). */
export function versionFromRow(
  row: Selectable<Database['procedure_versions']>,
  steps: readonly StepRow[],
): ProcedureVersion {
  return {
    version: row.version,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    name: row.name,
    fieldId: row.field_id,
    level: row.level as ProcedureVersion['level'],
    competentAgencyKind: row.competent_agency_kind as ProcedureVersion['competentAgencyKind'],
    competentAgencyId: row.competent_agency_id,
    legalBasis: row.legal_basis,
    timeLimit: row.time_limit,
    onlineTimeLimit: row.online_time_limit,
    statutoryTimeLimit: row.statutory_time_limit,
    statutorySource: row.statutory_source,
    reducedBy: row.reduced_by,
    reductionIllustrative: row.reduction_illustrative,
    publication: row.publication,
    localReview: row.local_review,
    cutoffTime: row.cutoff_time,
    onlineLevel: row.online_level as ProcedureVersion['onlineLevel'],
    fullOnlineEligible: row.full_online_eligible,
    fees: row.fees,
    requiredDocuments: row.required_documents,
    resultKind: row.result_kind as ProcedureVersion['resultKind'],
    resultName: row.result_name,
    supplementLimitDays: row.supplement_limit_days,
    anyLocation: row.any_location,
    paymentPausesClock: row.payment_pauses_clock,
    interAgency: row.inter_agency,
    steps: [...steps]
      .sort((a, b) => a.seq - b.seq)
      .map(
        (s): WorkflowStep => ({
          name: s.name,
          role: s.role as WorkflowStep['role'],
          agencyKind: s.agency_kind as WorkflowStep['agencyKind'],
          agencyId: s.agency_id,
          budgetHours: Number(s.budget_hours),
        }),
      ),
    source: row.source,
  }
}
