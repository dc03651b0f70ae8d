import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { commandFor, stepArbitrary, transitions } from '../../../test/support/command-arbitrary.ts'
import { actors, at, context, Story } from '../../../test/support/dossier-fixtures.ts'
import { decide } from './decide.ts'
import { availableCommands } from './permissions.ts'
import { foldEvents } from './state.ts'
import { DossierStatus } from './status.ts'

let accepted = 0
let finished = 0

test('model: random command sequences by random actors never break the lifecycle’s rules', () => {
  fc.assert(
    fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }), (steps) => {
      const story = new Story().submit('2026-11-23T20:00')
      let now = at('2026-11-24T08:00')
      let resume: number = DossierStatus.Processing
      for (const step of steps) {
        now += step.pause * 60_000
        const before = story.dossier
        const ctx = context(now, story.procedure)
        // Mostly a command someone may run now (so histories go deep), sometimes any command by anyone.
        const offered = Object.values(actors).flatMap((actor) =>
          availableCommands(before, actor, ctx).map((action) => ({ actor, action })),
        )
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
        const ahead = offered.filter((o) => forward.includes(o.action))
        const onward =
          step.pick % 10 === 0
            ? offered
            : step.pick % 2 === 0 && ahead.length > 0
              ? ahead
              : offered.filter((o) => !ending.includes(o.action))
        const chosen = onward[step.pick % Math.max(1, onward.length)]
        const command = step.useAvailable && chosen ? commandFor[chosen.action](chosen.actor) : step.random
        const allowed = availableCommands(before, command.actor, ctx).includes(command.action)
        const decision = decide(before, command, ctx)
        if (!decision.ok) continue
        accepted++
        if (command.action === 'issue') finished++
        assert.ok(allowed, `${command.action} by ${command.actor.id} was decided although not available`)
        const rule = transitions[command.action]
        assert.ok(rule.from.includes(before.status), `${command.action} from status ${before.status}`)
        for (const e of decision.events) story.events.push(e)
        story.state = foldEvents(story.events)
        const after = story.dossier
        // A decided withdrawal stops the dossier when accepted, and leaves it where it was when refused.
        const decided =
          command.action === 'decide-withdrawal' && command.accepted ? DossierStatus.Withdrawn : before.status
        const expected =
          rule.to === 'same' ? before.status : rule.to === 'resume' ? resume : rule.to === 'decided' ? decided : rule.to
        assert.equal(after.status, expected, `${command.action}: ${before.status} → ${after.status}`)
        if (
          command.action === 'request-supplement' ||
          command.action === 'request-reception-supplement' ||
          command.action === 'require-payment'
        )
          resume = before.status
        assert.equal(after.version, before.version + decision.events.length)
        // Appointments move only later, and only by a supplement's pause, an apology or days that became off.
        if (before.appointmentAt !== null && after.appointmentAt !== before.appointmentAt) {
          assert.ok(
            ['receive-supplement', 'issue-apology', 'record-payment', 'reschedule'].includes(command.action),
            command.action,
          )
          assert.ok((after.appointmentAt ?? 0) >= before.appointmentAt)
        }
        if (before.originalAppointmentAt !== null && command.action !== 'reschedule')
          assert.equal(after.originalAppointmentAt, before.originalAppointmentAt)
        // At most one supplement request per agency without an exception on record.
        const byAgency = new Map<string, number>()
        for (const r of after.supplementRequests) {
          byAgency.set(r.agencyId, (byAgency.get(r.agencyId) ?? 0) + 1)
          if ((byAgency.get(r.agencyId) ?? 0) > 1) assert.ok(r.exception?.approver && r.exception.legalBasis)
        }
        if (before.apology !== null) assert.deepEqual(after.apology, before.apology, 'one apology only')
      }
      assert.deepEqual(foldEvents(story.events), story.state)
    }),
    { numRuns: 3000 },
  )
  assert.ok(accepted > 3000 * 3, `too few accepted commands to mean anything: ${accepted}`)
  assert.ok(finished > 150, `too few histories reach the result: ${finished}`)
})
