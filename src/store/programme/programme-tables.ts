import type { ColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
/** numeric is parsed to a number on both engines (database.ts). */
type Numeric = ColumnType<number, number, number>

/** The reform programme's tables (migration 0033), joined into `Database` by schema.ts. */
export type ProgrammeTables = {
  reform_programmes: { id: string; name: string; name_en: string; source: string }
  reform_phases: { programme_id: string; id: string; name: string; from_year: number; to_year: number }
  reform_solution_groups: { programme_id: string; id: string; area: string; name: string }
  reform_programme_targets: {
    id: string
    programme_id: string
    key: string
    title: string
    title_en: string
    area: string
    solution_group_id: string | null
    phase_id: string
    year: number | null
    kind: 'computed' | 'reported'
    measure: string | null
    responsible_agency_id: string | null
    comparator: 'below' | 'at_least'
    value: Numeric
    effective_from: string
    basis: string
    illustrative: boolean
  }
  reform_target_reports: {
    id: string
    programme_id: string
    target_key: string
    year: number
    agency_id: string
    value: Numeric
    note: string
    evidence_sha256: string
    evidence_name: string
    reported_by: string
    reported_at: Timestamp
  }
  reform_plans: { programme_id: string; year: number; name: string; decision: string }
  reform_tasks: {
    id: string
    programme_id: string
    plan_year: number
    area: string
    solution_group_id: string | null
    title: string
    output: string
    agency_id: string
    deadline: string
    status: string
    completed_on: string | null
    version: number
  }
  reform_task_reports: {
    id: string
    task_id: string
    kind: string
    percent: number | null
    note: string
    evidence_sha256: string | null
    evidence_name: string | null
    reported_by: string
    reported_at: Timestamp
  }
}
