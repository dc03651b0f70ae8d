import type { Programme } from './programme.ts'
import type { ReformTarget } from './reform-target.ts'
import { type ReformTask, TaskStatus } from './reform-task.ts'

/** A two-phase programme for the unit tests. */
export const programme: Programme = {
  id: 'cchc-2021-2030',
  name: 'Chương trình CCHC 2021–2030',
  nameEn: 'PAR programme 2021–2030',
  source: 'test',
  phases: [
    { id: '2021-2025', name: 'Giai đoạn 2021–2025', fromYear: 2021, toYear: 2025 },
    { id: '2026-2030', name: 'Giai đoạn 2026–2030', fromYear: 2026, toYear: 2030 },
  ],
  solutionGroups: [],
}

export const target = (overrides: Partial<ReformTarget> = {}): ReformTarget => ({
  id: 't1',
  programmeId: programme.id,
  key: 'late_rate',
  title: 'Tỷ lệ hồ sơ trễ hạn',
  titleEn: 'Late share',
  area: 'administrative_procedures',
  solutionGroupId: null,
  phaseId: '2026-2030',
  year: null,
  source: { kind: 'computed', measure: 'late_rate' },
  comparator: 'below',
  value: 0.1,
  effectiveFrom: '2026-01-01',
  basis: 'test',
  illustrative: true,
  ...overrides,
})

export const task = (overrides: Partial<ReformTask> = {}): ReformTask => ({
  id: 'task-1',
  planYear: 2026,
  area: 'administrative_procedures',
  solutionGroupId: null,
  title: 'Rà soát thủ tục',
  output: 'Báo cáo rà soát',
  agencyId: 'so-tp',
  deadline: '2026-06-30',
  status: TaskStatus.Assigned,
  completedOn: null,
  reports: [],
  version: 1,
  ...overrides,
})

export const leaderOf = (agencyId: string) => ({ id: 'u-leader', grants: [{ role: 'leader' as const, agencyId }] })
export const provincialAdmin = { id: 'u-admin', grants: [{ role: 'provincial_admin' as const, agencyId: 'ubnd-tinh' }] }
export const evidence = { sha256: 'a'.repeat(64), name: 'bao-cao.pdf' }
