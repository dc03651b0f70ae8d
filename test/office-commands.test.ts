import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Action } from '../src/domain/dossier/permissions.ts'
import { commandRoutes } from '../src/http/routes/dossier-commands.ts'
import { commands, decisionBody, decisionSections, hiddenActions } from '../web/src/pages/office/commands.ts'
import { marriageForm } from './support/marriage-declaration.ts'

test('every action availableActions can offer has an office form or is run from another page (none shown as unavailable)', () => {
  const unhandled = Object.values(Action).filter((a) => !(a in commands) && !hiddenActions.has(a))
  assert.deepEqual(unhandled, [])
})

test('each office form posts to the command route of its own action', () => {
  const pathOf = new Map(commandRoutes.map((r) => [r.action as string, r.path]))
  for (const [action, form] of Object.entries(commands)) assert.equal(form.path, pathOf.get(action), action)
})

test('the appraisal asks for the result template’s decision fields and sends them as `decision`', () => {
  const sections = decisionSections(marriageForm.result.decisionLayout, marriageForm.result.decisionSchema)
  assert.deepEqual(
    sections[0]?.fields.map((f) => [f.path, f.kind, f.required]),
    [
      ['registrationNumber', 'text', true],
      ['book', 'text', true],
      ['registeredOn', 'date', true],
    ],
  )
  assert.deepEqual(
    decisionBody(sections, { registrationNumber: ' 125 ', book: '01/2026', registeredOn: '2026-12-02' }),
    {
      registrationNumber: '125',
      book: '01/2026',
      registeredOn: '2026-12-02',
    },
  )
})
