import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { catalogue, figures, flows, inputs } from '../../../test/support/index-766-inputs.ts'
import { counterColumns } from './counters.ts'
import { decision766Scoring, index766 } from './index-766.ts'

const n = fc.nat({ max: 500 })
const anyInputs = fc
  .record({
    counters: fc.array(n, { minLength: counterColumns.length, maxLength: counterColumns.length }),
    resolved: fc.tuple(n, n, n),
    open: fc.tuple(n, n),
    catalogue: fc.tuple(n, n),
    services: fc.tuple(n, n, n, n),
    sync: fc.tuple(n, n),
  })
  .map((r) =>
    inputs({
      figures: figures({
        resolved: r.resolved[0] + r.resolved[1] + r.resolved[2],
        resolvedEarly: r.resolved[0],
        resolvedOnTime: r.resolved[1],
        resolvedLate: r.resolved[2],
        inProgress: r.open[0] + r.open[1],
        inProgressWithinDeadline: r.open[0],
        inProgressOverdue: r.open[1],
      }),
      flows: flows(Object.fromEntries(counterColumns.map((c, i) => [c, r.counters[i] ?? 0]))),
      catalogue: catalogue({ procedures: r.catalogue[0] + r.catalogue[1], online: r.catalogue[0] }),
      services: {
        onlineServices: r.services[0] + r.services[1],
        withOnlineDossier: r.services[0],
        feeProcedures: r.services[2] + r.services[3],
        withFeeData: r.services[2],
      },
      sync: { received: r.sync[0] + r.sync[1], synced: r.sync[0] },
    }),
  )

test('a group never earns more than its points, and the index is the sum of the groups', () => {
  fc.assert(
    fc.property(anyInputs, (i) => {
      const index = index766(i)
      let sum = 0
      for (const [group, g] of Object.entries(index.groups)) {
        const max = decision766Scoring.filter((r) => r.group === group).reduce((s, r) => s + r.points, 0)
        assert.equal(g.max, max)
        assert.ok(g.points >= 0 && g.points <= g.max + 1e-9, `${group} ${g.points}/${g.max}`)
        sum += g.points
      }
      assert.ok(Math.abs(index.total - sum) < 0.011)
      assert.ok(index.total <= 100)
    }),
  )
})
