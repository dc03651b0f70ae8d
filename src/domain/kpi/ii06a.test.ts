import assert from 'node:assert/strict'
import { test } from 'node:test'
import { facts } from '../../../test/support/kpi-facts.ts'
import { parseIsoDate } from '../calendar/local-time.ts'
import { contributions, zeroCounters } from './counters.ts'
import type { DossierFacts } from './facts.ts'
import { ii06aFigures, type WindowSums } from './ii06a.ts'
import { onTimeShare } from './index-766.ts'

/** Sums the dossiers' contributions for the window [from, to] the plain way: by comparing each day. */
function sumsOf(list: readonly DossierFacts[], from: string, to: string): WindowSums {
  const s = { all: zeroCounters(), window: zeroCounters(), after: zeroCounters() }
  for (const f of list)
    for (const c of contributions(f)) {
      s.all[c.column] += c.delta
      if (c.day >= from && c.day <= to) s.window[c.column] += c.delta
      if (c.day > to) s.after[c.column] += c.delta
    }
  return s
}

// January 2026, counted by hand (see each line's comment).
const january = [
  facts('A', {
    received: '2025-12-20T09:00',
    deadline: '2026-01-10T17:00',
    end: { kind: 'done', at: '2026-01-05T10:00' },
  }), // carried over, early
  facts('B', {
    received: '2026-01-05T09:00',
    deadline: '2026-01-12T17:00',
    end: { kind: 'done', at: '2026-01-12T10:00' },
    online: true,
  }), // on time: due day, before the instant
  facts('C', {
    received: '2026-01-06T09:00',
    deadline: '2026-01-15T17:00',
    end: { kind: 'done', at: '2026-01-16T08:00' },
  }), // late
  facts('D', {
    received: '2026-01-07T09:00',
    deadline: '2026-01-20T17:00',
    end: { kind: 'done', at: '2026-01-14T08:00' },
    online: true,
    supplements: ['2026-01-08T09:00', '2026-01-09T09:00'],
  }), // two supplements: late
  facts('E', {
    received: '2026-01-08T09:00',
    deadline: '2026-01-30T17:00',
    end: { kind: 'withdrawn', at: '2026-01-09T09:00' },
  }), // withdrawn, early
  facts('F', { received: '2026-01-10T09:00', deadline: '2026-01-25T17:00' }), // open, overdue at the end
  facts('G', { received: '2026-01-12T09:00', deadline: '2026-02-10T17:00', online: true }), // open, within
  facts('H', { received: '2026-01-13T09:00', deadline: '2026-01-28T17:00', pendingSince: '2026-01-20T09:00' }), // clock stopped before the deadline: within
  facts('I', { received: '2026-01-14T09:00', deadline: '2026-01-27T17:00', pendingSince: '2026-01-29T09:00' }), // asked after the deadline: overdue
  facts('J', { received: '2026-02-02T09:00', deadline: '2026-02-20T17:00' }), // after the window
  facts('K', {
    received: '2025-12-01T09:00',
    deadline: '2025-12-20T17:00',
    end: { kind: 'done', at: '2025-12-10T09:00' },
  }), // before the window
  facts('L', {
    received: '2025-12-28T09:00',
    deadline: '2026-01-03T17:00',
    end: { kind: 'done', at: '2026-02-05T09:00' },
  }), // carried over, still open and overdue on 31 Jan
]

test('II.06a for January: received, carried over, resolved by timeliness, in progress within and past the deadline', () => {
  const f = ii06aFigures(sumsOf(january, '2026-01-01', '2026-01-31'))
  assert.deepEqual(f, {
    received: 8, // B C D E F G H I
    receivedOnline: 3, // B D G
    receivedInPersonOrPost: 5,
    carriedOver: 2, // A L
    resolved: 5, // A B C D E
    resolvedEarly: 2, // A E
    resolvedOnTime: 1, // B
    resolvedLate: 2, // C D
    withdrawn: 1,
    stopped: 0,
    inProgress: 5, // F G H I L
    inProgressWithinDeadline: 2, // G H
    inProgressOverdue: 3, // F I L
  })
  assert.equal(f.carriedOver + f.received, f.resolved + f.inProgress)
  // 2.1: (early + on time + within) ÷ (resolved + in progress) = (2 + 1 + 2) ÷ 10
  assert.equal(onTimeShare(f), 0.5)
})

test('an open dossier counts as overdue only from the day after its deadline has passed', () => {
  const f = [facts('F', { received: '2026-01-10T09:00', deadline: '2026-01-25T17:00' })]
  assert.equal(ii06aFigures(sumsOf(f, '2026-01-01', '2026-01-24')).inProgressOverdue, 0)
  // Measured at the end of the due day the deadline instant has passed.
  assert.equal(ii06aFigures(sumsOf(f, '2026-01-01', '2026-01-25')).inProgressOverdue, 1)
})

test('a window after the dossier ended sees nothing of it; one spanning its life sees it received and resolved', () => {
  const c = [january[2] as DossierFacts]
  const later = ii06aFigures(sumsOf(c, '2026-02-01', '2026-02-28'))
  assert.deepEqual([later.received, later.carriedOver, later.resolved, later.inProgress], [0, 0, 0, 0])
  const all = ii06aFigures(sumsOf(c, '2026-01-01', '2026-01-31'))
  assert.deepEqual([all.received, all.resolvedLate, all.inProgress], [1, 1, 0])
})

test('a dossier without a fixed time limit is never late or overdue', () => {
  const open = facts('N', { received: '2026-01-05T09:00', deadline: null })
  const done = facts('M', {
    received: '2026-01-05T09:00',
    deadline: null,
    end: { kind: 'done', at: '2026-03-01T09:00' },
  })
  const f = ii06aFigures(sumsOf([open, done], '2026-01-01', '2026-03-31'))
  assert.deepEqual([f.resolvedOnTime, f.resolvedLate, f.inProgressOverdue], [1, 0, 0])
  assert.equal(parseIsoDate('2026-03-31') !== null, true)
})
