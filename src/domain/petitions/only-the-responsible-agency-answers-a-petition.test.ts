import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decide, type PetitionActor } from './actions.ts'
import { iso, petitionOf } from './petition-fixtures.ts'

const staff = (role: string, agencyId: string): PetitionActor => ({
  kind: 'staff',
  id: `${role}@${agencyId}`,
  grants: [{ role, agencyId }],
})
const now = new Date('2026-12-01T03:00:00Z')

test('once routed, only a specialist or leader of the responsible agency answers (Decree 20/2008 Art. 14)', () => {
  const p = petitionOf('2026-11-27T09:00:00+07:00', {
    type: 'assigned',
    at: iso('2026-11-27T10:00:00+07:00'),
    actor: 'o',
    agencyId: 'xa-22333',
  })
  const answer = { action: 'answer', answer: 'Đã chấn chỉnh cán bộ.' } as const
  assert.deepEqual(decide(p, answer, staff('counter_officer', 'ttpvhcc-22333'), now), {
    ok: false,
    refusal: 'notAllowed',
  })
  assert.deepEqual(decide(p, answer, staff('specialist', 'xa-22366'), now), { ok: false, refusal: 'notAllowed' })
  assert.deepEqual(decide(p, answer, { kind: 'petitioner', id: 'citizen-1' }, now), {
    ok: false,
    refusal: 'notAllowed',
  })
  const ok = decide(p, answer, staff('specialist', 'xa-22333'), now)
  assert.equal(ok.ok && ok.event.type, 'answered')
})
