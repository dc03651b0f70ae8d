import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { Command } from '../../src/domain/dossier/commands.ts'
import type { dossierCommands } from '../../src/store/dossiers/dossier-commands.ts'
import { actors, applicant } from './dossier-fixtures.ts'

/** Đăng ký lại khai sinh: 5 working days at the commune, with an appraisal step long enough to be warned. */
export const watchedProcedure = { code: '1.004884', version: 1 }

type Engine = ReturnType<typeof dossierCommands>

/**
 * A dossier received online and handed to the commune's specialist at `at`, then the `more`
 * commands, through the engine alone; its id and version.
 */
export async function dossierInAppraisal(
  engine: Engine,
  at: Date,
  more: readonly Exclude<Command, { action: 'receive' }>[] = [],
): Promise<{ id: string; version: number }> {
  const created = await engine.create(
    {
      action: 'submit',
      actor: actors.applicant,
      channel: 2,
      applicant,
      procedure: watchedProcedure,
      receivingAgencyId: 'ttpvhcc-22333',
      components: [],
    },
    { idempotencyKey: randomUUID(), now: at },
  )
  assert.ok(created.ok, JSON.stringify(created))
  const received = await engine.run(created.dossierId, { action: 'receive', actor: actors.counter }, created.version, {
    idempotencyKey: randomUUID(),
    now: at,
  })
  assert.ok(received.ok, JSON.stringify(received))
  let version = received.version
  for (const command of [{ action: 'transfer', actor: actors.counter } as const, ...more]) {
    const outcome = await engine.run(created.dossierId, command, version, { idempotencyKey: randomUUID(), now: at })
    assert.ok(outcome.ok, `${command.action}: ${JSON.stringify(outcome)}`)
    version = outcome.version
  }
  return { id: created.dossierId, version }
}
