import type { ParActor } from './actions.ts'
import { departmentSet2026 } from './demo-criteria-sets.ts'
import { foldRound, type ParRound } from './round.ts'

/** A 2026 department round: self-assessment until 1 Dec, explanations until 15 Dec (for the domain's tests). */
export const round2026: ParRound = foldRound([
  {
    type: 'opened',
    at: '2026-10-01T00:00:00.000Z',
    actor: 'admin',
    criteriaSet: departmentSet2026,
    units: [
      { id: 'sotp', name: 'Sở Tư pháp' },
      { id: 'sonv', name: 'Sở Nội vụ' },
    ],
    council: ['council-1'],
    selfAssessmentDeadline: '2026-12-01T00:00:00.000Z',
    explanationDeadline: '2026-12-15T00:00:00.000Z',
  },
]) as ParRound

export const unitStaff: ParActor = { id: 'u1', grants: [{ role: 'leader', agencyId: 'sotp' }] }
export const otherUnitStaff: ParActor = { id: 'u2', grants: [{ role: 'leader', agencyId: 'sonv' }] }
export const councilMember: ParActor = { id: 'council-1', grants: [{ role: 'specialist', agencyId: 'sonv' }] }
export const provincialAdmin: ParActor = { id: 'admin', grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }] }

export const beforeDeadline = new Date('2026-11-20T00:00:00Z')
export const afterDeadline = new Date('2026-12-05T00:00:00Z')
export const afterExplanations = new Date('2026-12-20T00:00:00Z')
export const evidence = ['e'.repeat(64)]
