import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { Role } from '../src/domain/dossier/actor.ts'
import { Action, availableActions } from '../src/domain/dossier/permissions.ts'
import { commands, componentActions, notOfferedInTheOffice } from '../web/src/pages/office/commands.ts'
import { commandArbitrary } from './support/command-arbitrary.ts'
import { actors, at, context, Story } from './support/dossier-fixtures.ts'

// Issue 15 §7, no stub in the office: every action availableActions offers an officer is a real form on
// the dossier page — a command form, or a form on one component (upload, digitize, reuse from the vault).

const officers = Object.values(actors).filter((a) => a.role !== Role.Applicant && a.role !== Role.System)
const hasOfficeForm = (action: string) => action in commands || action in componentActions

test('every action availableActions can offer has an office form, or is one it never offers an officer', () => {
  const neither = Object.values(Action).filter((a) => !hasOfficeForm(a) && !notOfferedInTheOffice.has(a))
  assert.deepEqual(neither, [])
})

test('along any run of commands, every action offered to an officer has a form on the office dossier page', () => {
  fc.assert(
    fc.property(fc.array(commandArbitrary, { minLength: 1, maxLength: 30 }), (steps) => {
      const story = new Story().submit('2026-11-23T08:00')
      let now = at('2026-11-23T09:00')
      for (const command of steps) {
        for (const officer of officers)
          for (const action of availableActions(story.dossier, officer, context(now)))
            assert.ok(hasOfficeForm(action), `${action} offered to ${officer.role} without a form`)
        now += 60 * 60_000
        story.try(new Date(now).toISOString(), command)
      }
    }),
    { numRuns: 300 },
  )
})
