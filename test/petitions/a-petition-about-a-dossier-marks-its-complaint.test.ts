import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import type { PetitionView } from '../../src/http/schemas/petition-view.ts'
import { runCommand, submitOnline } from '../support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { command, submit } from './petition-http.ts'

let t: TestApp
let dossier: DossierView
before(async () => {
  t = await createTestApp()
  const citizen = await signedIn(t, { citizen: { identityNumber: '056190007771', name: 'Lê Thị Phản' } })
  const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  dossier = await runCommand(t, counter, await submitOnline(t, citizen, '0905000777'), 'reception')
})
after(async () => t.close())

const complaintOf = async (id: string) =>
  (await t.database.db.selectFrom('kpi_dossiers').select('complaint').where('dossier_id', '=', id).executeTakeFirst())
    ?.complaint

test(`linking a petition to a dossier makes the dossier's complaint fact true (Decision 766 indicator 5.4) on ${engineName}`, async () => {
  assert.equal(await complaintOf(dossier.id), false)
  const sent = (await submit(t, {})).json<PetitionView>()
  const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  const linked = await command(t, counter, sent.code, 'dossier-link', { dossierCode: dossier.code })
  assert.equal(linked.statusCode, 200, linked.body)
  assert.equal(linked.json<PetitionView>().dossierCode, dossier.code)
  assert.equal(await complaintOf(dossier.id), true)
})
