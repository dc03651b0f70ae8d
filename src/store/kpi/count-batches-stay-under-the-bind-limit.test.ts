import assert from 'node:assert/strict'
import { test } from 'node:test'
import { counterColumns } from '../../domain/kpi/counters.ts'
import { type CountRow, countBatchSize, maxBindParameters } from './count-rows.ts'

// PostgreSQL's wire protocol counts a statement's parameters in 16 bits: at most 65,535.
test('a batch of counter rows binds no more than 65,535 parameters, whatever the number of counters', () => {
  const row = Object.fromEntries([
    ...['depth', 'grain', 'period', 'agency_id', 'field_id', 'procedure_code'].map((k) => [k, 0]),
    ...counterColumns.map((c) => [c, 1]),
  ]) as unknown as CountRow
  const size = countBatchSize([row])
  assert.ok(size * Object.keys(row).length <= maxBindParameters, `${size} rows × ${Object.keys(row).length}`)
  assert.equal(
    countBatchSize([{ depth: 0, grain: 'd', period: 'x', agency_id: 'a', field_id: 'f', procedure_code: '' }]),
    2000,
  )
})
