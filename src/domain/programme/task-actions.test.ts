import assert from 'node:assert/strict'
import { test } from 'node:test'
import { evidence, leaderOf, provincialAdmin, task } from './programme-fixtures.ts'
import { completedLate, isOverdue, TaskStatus } from './reform-task.ts'
import { availableTaskActions, decideTask } from './task-actions.ts'

const ctx = { reportId: 'r1', now: '2026-07-02T03:00:00.000Z', today: '2026-07-02' }

test("only the assigned unit's staff may report a task's progress", () => {
  assert.deepEqual(availableTaskActions(task(), leaderOf('so-yt')), [])
})

test('the provincial administrator cannot report progress for a unit', () => {
  assert.deepEqual(availableTaskActions(task(), provincialAdmin), [])
})

test('handing a task in without its output file is refused', () => {
  const d = decideTask(task(), leaderOf('so-tp'), { action: 'request-completion', note: 'xong', evidence: null }, ctx)
  assert.deepEqual(d, { ok: false, refusal: 'evidence-required' })
})

test('a unit cannot approve its own completion request', () => {
  const asked = task({ status: TaskStatus.CompletionRequested })
  const d = decideTask(asked, leaderOf('so-tp'), { action: 'approve', note: '' }, ctx)
  assert.deepEqual(d, { ok: false, refusal: 'not-allowed' })
})

test("the provincial administrator's approval completes the task on the day", () => {
  const asked = task({ status: TaskStatus.CompletionRequested })
  const d = decideTask(asked, provincialAdmin, { action: 'approve', note: 'đạt' }, ctx)
  assert.equal(d.ok && `${d.task.status} ${d.task.completedOn}`, 'done 2026-07-02')
})

test('a returned task is open again for progress reports', () => {
  const asked = task({ status: TaskStatus.CompletionRequested })
  const d = decideTask(asked, provincialAdmin, { action: 'return', note: 'thiếu phụ lục' }, ctx)
  assert.ok(d.ok && availableTaskActions(d.task, leaderOf('so-tp')).includes('report-progress'))
})

test('a task handed in keeps its evidence in the report', () => {
  const d = decideTask(task(), leaderOf('so-tp'), { action: 'request-completion', note: 'xong', evidence }, ctx)
  assert.deepEqual(d.ok && d.report.evidence, evidence)
})

test('a task not done is overdue from the day after its deadline (calendar dates)', () => {
  assert.deepEqual(
    ['2026-06-30', '2026-07-01'].map((today) => isOverdue(task(), today)),
    [false, true],
  )
})

test('a done task is never overdue, but one approved after its deadline was completed late', () => {
  const done = task({ status: TaskStatus.Done, completedOn: '2026-07-02' })
  assert.deepEqual([isOverdue(done, '2026-08-01'), completedLate(done)], [false, true])
})
