import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import fc from 'fast-check'
import type { DossierEvent } from '../src/domain/dossier/events.ts'
import { availableCommands } from '../src/domain/dossier/permissions.ts'
import { foldEvents } from '../src/domain/dossier/state.ts'
import type { DossierFacts } from '../src/domain/kpi/facts.ts'
import { factsOfDossier } from '../src/domain/kpi/facts-of-dossier.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { loadDossier, loadEvents } from '../src/store/dossiers/dossier-queries.ts'
import { verifyChains } from '../src/store/dossiers/verify-chain.ts'
import { procedureKpiTerms } from '../src/store/kpi/dossier-facts.ts'
import { loadFacts } from '../src/store/kpi/facts-rows.ts'
import { commandFor, stepArbitrary, transitions } from './support/command-arbitrary.ts'
import { actors, applicant } from './support/dossier-fixtures.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

let database: OpenDatabase
before(async () => {
  database = await createTestDatabase()
})
after(async () => database.close())

test(`model through the store on ${engineName}: projection = fold of stored events, indicator facts = facts of the state, legal transitions, chains hold`, async () => {
  const engine = dossierCommands(database.db, workingDaysFromDatabase(database.db))
  const kpiTerms = await procedureKpiTerms(database.db, '1.001193', 1)
  await fc.assert(
    fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }), async (steps) => {
      let now = new Date('2026-11-24T01:00:00Z').getTime()
      const created = await engine.create(
        {
          action: 'submit',
          actor: actors.applicant,
          channel: 2,
          applicant,
          procedure: { code: '1.001193', version: 1 },
          receivingAgencyId: 'ttpvhcc-22333',
          components: [],
        },
        { idempotencyKey: randomUUID(), now: new Date(now) },
      )
      assert.ok(created.ok)
      for (const step of steps) {
        now += step.pause * 60_000
        const current = await loadDossier(database.db, created.dossierId)
        assert.ok(current)
        const ctx = await engine.contextOf(current.state, new Date(now))
        assert.ok(ctx)
        const offered = Object.values(actors).flatMap((actor) =>
          availableCommands(current.state, actor, ctx).map((action) => ({ actor, action })),
        )
        const chosen = offered[step.pick % Math.max(1, offered.length)]
        const command = step.useAvailable && chosen ? commandFor[chosen.action](chosen.actor) : step.random
        const { code: _ignored, ...withoutCode } = command as { code?: string }
        const outcome = await engine.run(created.dossierId, withoutCode as never, current.state.version, {
          idempotencyKey: randomUUID(),
          now: new Date(now),
        })
        const stored = await loadDossier(database.db, created.dossierId)
        const history = await loadEvents(database.db, created.dossierId)
        const events: DossierEvent[] = history.map((e) => e.event)
        assert.deepEqual(foldEvents(events), stored?.state)
        // The indicator facts are those of the current state (commands that change nothing skip the write).
        const state = stored?.state
        assert.ok(state)
        const expected = factsOfDossier(created.dossierId, state, kpiTerms, ctx.calendar, {
          eResult: false,
          portalSynced: false,
        })
        const storedFacts: DossierFacts | null =
          (await loadFacts(database.db, [created.dossierId])).get(created.dossierId) ?? null
        assert.deepEqual(storedFacts, expected)
        if (!outcome.ok) {
          assert.equal(stored?.state.version, current.state.version, 'a refused command appends nothing')
          continue
        }
        assert.ok(
          transitions[command.action].from.includes(current.state.status),
          `${command.action} from ${current.state.status}`,
        )
      }
    }),
    { numRuns: 40 },
  )
  assert.equal((await verifyChains(database.db)).broken, null)
})
