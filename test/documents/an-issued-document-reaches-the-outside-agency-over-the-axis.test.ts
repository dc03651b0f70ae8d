import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import { axisClient } from '../../src/adapters/document-axis/axis-client.ts'
import type { OutboxMessage } from '../../src/domain/delivery/outbox-message.ts'
import { parsePackage } from '../../src/domain/documents/edxml/parse-package.ts'
import { documentAxisConsumer } from '../../src/jobs/document-axis-consumer.ts'
import { documentsExchangeConsumer } from '../../src/jobs/documents-exchange-consumer.ts'
import { relayOnce } from '../../src/jobs/outbox-relay.ts'
import { packagesOfDocument } from '../../src/store/document-axis/axis-messages.ts'
import { type FakeDocumentAxis, startFakeDocumentAxis } from '../support/fake-document-axis.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { act, approvedDocument, sender, sendingOffice } from './document-http.ts'

/** Issue 17 §3 wiring: a document issued to an agency outside motcua goes over the axis, once. */
let t: TestApp
let axis: FakeDocumentAxis
let exchange: ReturnType<typeof documentsExchangeConsumer>
let issuedMessage: OutboxMessage
before(async () => {
  t = await createTestApp()
  axis = await startFakeDocumentAxis()
  await t.database.db
    .insertInto('agency_codes')
    .values({ agency_id: sender, code: '000.00.05.H34', valid_from: '2020-01-01', valid_to: null, confirmed: true })
    .execute()
  const office = await sendingOffice(t)
  const id = await approvedDocument(t, office, {
    recipients: [{ kind: 'external', code: '000.00.00.G12', name: 'Bộ Tư pháp' }],
  })
  await act(t, office.clerk, id, 'numbering')
  await act(t, office.clerk, id, 'issuance')
  const now = () => new Date()
  const client = axisClient({ baseUrl: axis.baseUrl, systemId: axis.systemId, secret: axis.secret, timeoutMs: 2_000 })
  exchange = documentsExchangeConsumer({ db: t.database.db, now, newId: randomUUID })
  const consumers = [exchange, documentAxisConsumer({ db: t.database.db, client, now })]
  await relayOnce(t.database.db, consumers)
  await relayOnce(t.database.db, consumers)
  const row = await t.database.db
    .selectFrom('outbox')
    .selectAll()
    .where('topic', '=', 'document.issued')
    .executeTakeFirstOrThrow()
  issuedMessage = {
    id: Number(row.id),
    topic: row.topic,
    key: row.message_key,
    payload: row.payload as OutboxMessage['payload'],
  } as OutboxMessage
})
after(async () => {
  await axis.close()
  await t.close()
})

test('the fake axis receives one signed package with the issued number and notation', async () => {
  const [sent] = [...axis.sent.values()]
  const parsed = parsePackage(sent?.xml ?? '')
  assert.deepEqual(
    [
      axis.sent.size,
      parsed.ok && parsed.package.number,
      parsed.ok && parsed.package.notation,
      /<(\w+:)?Signature[\s>]/.test(sent?.xml ?? ''),
    ],
    [1, '01', 'STP-VP', true],
  )
})

test('a redelivered document.issued message queues no second package', async () => {
  await exchange.deliver(issuedMessage)
  const id = parsePackage([...axis.sent.values()][0]?.xml ?? '')
  const documentId = id.ok ? id.package.documentId : ''
  assert.equal((await packagesOfDocument(t.database.db, 'out', documentId)).length, 1)
})
