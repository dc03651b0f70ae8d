import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { decisionFor } from '../support/declaration-samples.ts'
import { runCommand } from '../support/http-dossier.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import {
  approve,
  consulted,
  dossierAs,
  dossierInAppraisal,
  draftLetter,
  lead,
  letter,
  officeOf,
} from './consultation-http.ts'
import { act, draft } from './document-http.ts'

let t: TestApp
let leadOffice: Awaited<ReturnType<typeof officeOf>>
let consultedOffice: Awaited<ReturnType<typeof officeOf>>
let identity = 56190008000

before(async () => {
  t = await createTestApp()
  leadOffice = await officeOf(t, lead)
  consultedOffice = await officeOf(t, consulted)
})
after(() => t.close())

const documentCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('documents')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
const freshDossier = () => dossierInAppraisal(t, leadOffice, `0${identity++}`)

/** The specialist moves the dossier on to the leader's approval: no longer transferable. */
const appraise = (d: DossierView) =>
  runCommand(t, leadOffice.specialist.headers, d, 'appraisal', {
    outcome: 'approve',
    note: 'Đủ điều kiện',
    ...decisionFor(d.procedure.code),
  })

test('a clerk, whom the dossier does not let transfer it, is refused with 403 and no document is written', async () => {
  const d = await freshDossier()
  const before = await documentCount()
  const res = await draftLetter(t, leadOffice.clerk, d.code as string)
  assert.deepEqual([res.statusCode, await documentCount()], [403, before])
})

test('a specialist of another agency is refused with 403', async () => {
  const d = await freshDossier()
  const res = await draftLetter(t, consultedOffice.specialist, d.code as string)
  assert.equal(res.statusCode, 403)
})

test('an unknown dossier answers 404', async () => {
  const res = await draftLetter(t, leadOffice.specialist, 'KHONG-CO-220101-0001')
  assert.equal(res.statusCode, 404)
})

test('a letter to the agency holding the dossier is refused with 400 and no document is written', async () => {
  const d = await freshDossier()
  const before = await documentCount()
  const res = await draftLetter(t, leadOffice.specialist, d.code as string, letter(lead))
  assert.deepEqual(
    [res.statusCode, res.json().type, await documentCount()],
    [400, 'urn:motcua:problem:consultationRecipientInvalid', before],
  )
})

test('a dossier past appraisal refuses the letter’s numbering with 422 and the register’s number stays unused', async () => {
  const d = await freshDossier()
  const letterId = (await draftLetter(t, leadOffice.specialist, d.code as string)).json().id
  await approve(t, leadOffice, letterId)
  await appraise(d)
  const refused = await act(t, leadOffice.clerk, letterId, 'numbering')
  const other = (await draft(t, leadOffice.specialist, {}, lead)).json().id
  await approve(t, leadOffice, other)
  const numbered = await act(t, leadOffice.clerk, other, 'numbering')
  assert.deepEqual(
    [refused.statusCode, refused.json().type, numbered.json().number],
    [422, 'urn:motcua:problem:refused:wrongStep', 1],
  )
})

test('a dossier moved on after numbering refuses the issuance with 422: nothing is delivered and the dossier stays', async () => {
  const d = await freshDossier()
  const letterId = (await draftLetter(t, leadOffice.specialist, d.code as string)).json().id
  await approve(t, leadOffice, letterId)
  await act(t, leadOffice.clerk, letterId, 'numbering')
  const moved = await appraise(d)
  const before = await documentCount()
  const refused = await act(t, leadOffice.clerk, letterId, 'issuance')
  const letterNow = await t.app.inject({ url: `/api/documents/${letterId}`, headers: leadOffice.clerk.headers })
  const dossierNow = await dossierAs(t, leadOffice.leader, d.code as string)
  assert.deepEqual(
    [refused.statusCode, letterNow.json().document.status, await documentCount(), dossierNow.version],
    [422, 'numbered', before, moved.version],
  )
})
