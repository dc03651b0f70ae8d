import assert from 'node:assert/strict'
import { test } from 'node:test'
import { departmentSet2026 } from './demo-criteria-sets.ts'
import { finalAnswers, scoreUnit } from './scoring.ts'

const evidence = ['e'.repeat(64)]

test('the council’s appraisal of a leaf replaces the unit’s own score, on the unit’s evidence; other leaves keep the unit’s', () => {
  const self = {
    '1.1': { kind: 'level', level: 'full', evidence },
    '1.3': { kind: 'level', level: 'full', evidence },
  } as const
  const appraisal = { '1.1': { kind: 'level', level: 'partial', evidence: [] } } as const
  const score = scoreUnit(departmentSet2026, finalAnswers(self, appraisal), {})
  assert.deepEqual([score.leaves['1.1'], score.leaves['1.3']], [1.5, 3])
})
