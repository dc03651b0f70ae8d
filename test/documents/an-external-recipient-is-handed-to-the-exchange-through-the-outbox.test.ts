import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { act, approvedDocument, sendingOffice } from './document-http.ts'

let t: TestApp
let issued: { id: string; notation: string }
before(async () => {
  t = await createTestApp()
  const office = await sendingOffice(t)
  const id = await approvedDocument(t, office, {
    recipients: [
      { kind: 'agency', agencyId: 'so-noi-vu' },
      { kind: 'external', code: '000.00.00.G12', name: 'Bộ Tư pháp' },
    ],
  })
  await act(t, office.clerk, id, 'numbering')
  issued = (await act(t, office.clerk, id, 'issuance')).json()
})
after(() => t.close())

test('issuing writes one document.issued outbox message naming only the recipients outside motcua', async () => {
  const rows = await t.database.db
    .selectFrom('outbox')
    .select(['payload'])
    .where('topic', '=', 'document.issued')
    .execute()
  assert.deepEqual(
    rows.map((r) => (r.payload as { documentId: string; recipients: unknown }).recipients),
    [[{ organId: '000.00.00.G12', name: 'Bộ Tư pháp' }]],
  )
})

test('the message carries the number and the notation’s letters apart, as edXML’s CodeNumber and CodeNotation', async () => {
  const row = await t.database.db
    .selectFrom('outbox')
    .select(['payload'])
    .where('topic', '=', 'document.issued')
    .executeTakeFirstOrThrow()
  const payload = row.payload as { number: string; notation: string }
  assert.deepEqual([payload.number, payload.notation], ['01', 'STP-VP'])
})

test('every step of the document is in the audit log', async () => {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject', '=', `document:${issued.id}`)
    .orderBy('id')
    .execute()
  assert.deepEqual(
    rows.map((r) => r.action),
    [
      'document.drafted',
      'document.submitted',
      'document.reviewed',
      'document.approved',
      'document.numbered',
      'document.issued',
    ],
  )
})
