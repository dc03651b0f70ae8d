import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import type { PetitionView } from '../../src/http/schemas/petition-view.ts'
import { runCommand, submitOnline } from '../support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { submit } from './petition-http.ts'

let t: TestApp
let counter: Record<string, string>
let dossier: DossierView
before(async () => {
  t = await createTestApp()
  const citizen = await signedIn(t, { citizen: { identityNumber: '056190007772', name: 'Lê Văn Giữ' } })
  counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  dossier = await runCommand(t, counter, await submitOnline(t, citizen, '0905000778'), 'reception')
})
after(async () => t.close())

test(`a dossier command after a petition about the dossier keeps its complaint fact (Decision 766 indicator 5.4) on ${engineName}`, async () => {
  const sent = await submit(t, {}, { dossierCode: dossier.code })
  assert.equal(sent.statusCode, 201, sent.body)
  assert.equal(sent.json<PetitionView>().dossierCode, dossier.code)
  await runCommand(t, counter, dossier, 'transfer')
  const row = await t.database.db
    .selectFrom('kpi_dossiers')
    .select('complaint')
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirstOrThrow()
  assert.equal(row.complaint, true)
})
