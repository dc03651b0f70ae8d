import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { act, approvedDocument, draft, receiver, sendingOffice } from './document-http.ts'

let t: TestApp
let office: Awaited<ReturnType<typeof sendingOffice>>
before(async () => {
  t = await createTestApp()
  office = await sendingOffice(t)
})
after(() => t.close())

test('the first document of the year numbered by the clerk is 01/<agency>-<unit> for a công văn', async () => {
  const id = await approvedDocument(t, office)
  const numbered = await act(t, office.clerk, id, 'numbering')
  assert.equal(numbered.statusCode, 200, numbered.body)
  assert.equal(numbered.json().notation, '01/STP-VP')
})

test('a decision is numbered with its type abbreviation before the agency: 02/QĐ-STP', async () => {
  const id = await approvedDocument(t, office, { type: 'quyet-dinh' })
  assert.equal((await act(t, office.clerk, id, 'numbering')).json().notation, '02/QĐ-STP')
})

test('issuing delivers an incoming document to the motcua recipient at once', async () => {
  const id = await approvedDocument(t, office)
  await act(t, office.clerk, id, 'numbering')
  const issued = await act(t, office.clerk, id, 'issuance')
  assert.equal(issued.statusCode, 200, issued.body)
  assert.deepEqual(
    issued.json().outgoing.delivered.map((d: { agencyId: string }) => d.agencyId),
    [receiver],
  )
})

test('the specialist may not approve: the leader approves', async () => {
  const drafted = (await draft(t, office.specialist)).json()
  await act(t, office.specialist, drafted.id, 'submission')
  await act(t, office.leader, drafted.id, 'review', { note: null })
  const refused = await act(t, office.specialist, drafted.id, 'approval', { signerTitle: 'GIÁM ĐỐC' })
  assert.equal(refused.statusCode, 409)
})

test('a returned draft goes back to its drafter with the note', async () => {
  const drafted = (await draft(t, office.specialist)).json()
  await act(t, office.specialist, drafted.id, 'submission')
  const returned = await act(t, office.leader, drafted.id, 'return', { note: 'Bổ sung căn cứ pháp lý' })
  assert.deepEqual(
    [returned.json().status, returned.json().outgoing.returnNote, returned.json().availableActions],
    ['returned', 'Bổ sung căn cứ pháp lý', []],
  )
})
