import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Action } from '../src/domain/dossier/permissions.ts'
import { commandRoutes } from '../src/http/routes/dossier-commands.ts'
import { commands, hiddenActions } from '../web/src/pages/office/commands.ts'

test('every action availableActions can offer has an office form or is run from another page (none shown as unavailable)', () => {
  const unhandled = Object.values(Action).filter((a) => !(a in commands) && !hiddenActions.has(a))
  assert.deepEqual(unhandled, [])
})

test('each office form posts to the command route of its own action', () => {
  const pathOf = new Map(commandRoutes.map((r) => [r.action as string, r.path]))
  for (const [action, form] of Object.entries(commands)) assert.equal(form.path, pathOf.get(action), action)
})
