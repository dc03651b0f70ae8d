import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { Role } from '../src/domain/dossier/actor.ts'
import { decide } from '../src/domain/dossier/decide.ts'
import { Action, availableActions, availableCommands } from '../src/domain/dossier/permissions.ts'
import { foldEvents } from '../src/domain/dossier/state.ts'
import { DossierStatus } from '../src/domain/dossier/status.ts'
import { commands, componentActions, notOfferedInTheOffice } from '../web/src/pages/office/commands.ts'
import { commandFor, stepArbitrary } from './support/command-arbitrary.ts'
import { actors, at, context, Story } from './support/dossier-fixtures.ts'

// Issue 15 §7, no stub in the office: every action availableActions offers an officer is a real form on
// the dossier page — a command form, or a form on one component (upload, digitize, reuse from the vault).

const officers = Object.values(actors).filter((a) => a.role !== Role.Applicant && a.role !== Role.System)
const ending = ['withdraw', 'decide-withdrawal', 'stop', 'reject-reception']
const forward = [
  'receive',
  'transfer',
  'appraise',
  'approve',
  'issue',
  'return-result',
  'receive-supplement',
  'record-payment',
  'return-from-agency',
]
const hasOfficeForm = (action: string) => action in commands || action in componentActions

test('every action availableActions can offer has an office form, or is one it never offers an officer', () => {
  const neither = Object.values(Action).filter((a) => !hasOfficeForm(a) && !notOfferedInTheOffice.has(a))
  assert.deepEqual(neither, [])
})

test('along any run of commands, every action offered to an officer has a form on the office dossier page', () => {
  const statuses = new Set<number>()
  fc.assert(
    fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }), (steps) => {
      const story = new Story().submit('2026-11-23T20:00')
      let now = at('2026-11-24T08:00')
      for (const step of steps) {
        now += step.pause * 60_000
        const ctx = context(now, story.procedure)
        statuses.add(story.dossier.status)
        for (const officer of officers)
          for (const action of availableActions(story.dossier, officer, ctx))
            assert.ok(hasOfficeForm(action), `${action} offered to ${officer.role} without a form`)
        // Mostly a command someone may run now, forward ones first, so histories reach the result.
        const offered = Object.values(actors).flatMap((actor) =>
          availableCommands(story.dossier, actor, ctx).map((action) => ({ actor, action })),
        )
        const ahead = offered.filter((o) => forward.includes(o.action))
        const pool =
          step.pick % 10 === 0
            ? offered
            : step.pick % 2 === 0 && ahead.length > 0
              ? ahead
              : offered.filter((o) => !ending.includes(o.action))
        const chosen = pool[step.pick % Math.max(1, pool.length)]
        const command = step.useAvailable && chosen ? commandFor[chosen.action](chosen.actor) : step.random
        const decision = decide(story.dossier, command, ctx)
        if (!decision.ok) continue
        for (const e of decision.events) story.events.push(e)
        story.state = foldEvents(story.events)
      }
    }),
    { numRuns: 200 },
  )
  // The runs went through the whole lifecycle: received, in processing, done and returned, at least.
  for (const status of [DossierStatus.Received, DossierStatus.Processing, DossierStatus.Done, DossierStatus.Returned])
    assert.ok(statuses.has(status), `no run reached status ${status}`)
})
