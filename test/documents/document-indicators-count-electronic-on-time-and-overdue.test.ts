import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import { yearMeasures } from '../../src/app/programme/load-dashboard.ts'
import type { IncomingDocument } from '../../src/domain/documents/incoming.ts'
import type { OutgoingDocument } from '../../src/domain/documents/outgoing.ts'
import { insertDocument } from '../../src/store/documents/document-store.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'

let t: TestApp
let monitor: Record<string, string>
const sender = 'so-tu-phap'
const receiver = 'so-noi-vu'

async function issued(agencyId: string, issuedOn: string, external: number, handedToAxis = false) {
  const id = randomUUID()
  const d: OutgoingDocument = {
    direction: 'outgoing',
    id,
    agencyId,
    status: 'issued',
    drafterId: 'test',
    content: {
      type: 'cong-van',
      subject: 'Về việc kiểm thử',
      body: 'Nội dung',
      urgency: 'normal',
      confidentiality: 'none',
      draftingUnit: 'VP',
      recipients: [],
      replyTo: null,
    },
    returnNote: null,
    signer: { userId: 'test', name: 'Lãnh đạo', title: 'GIÁM ĐỐC' },
    year: 2026,
    number: Math.floor(Math.random() * 1e9),
    notation: `${id.slice(0, 6)}/STP-VP`,
    issuedOn,
    sha256: '0'.repeat(64),
    delivered: [],
    external: Array.from({ length: external }, (_, i) => ({ code: `000.00.00.G${10 + i}`, name: 'Bộ ngoài' })),
    createdAt: `${issuedOn}T02:00:00.000Z`,
    version: 7,
  }
  const at = new Date(`${issuedOn}T02:00:00.000Z`)
  await insertDocument(t.database.db, d, { type: 'submitted', at: at.toISOString(), actor: 'test' }, at)
  if (handedToAxis) {
    const db = t.database.db
    const m = await db
      .insertInto('outbox')
      .values({
        topic: 'document.issued',
        message_key: `document:${id}`,
        payload: '{}',
        created_at: at,
        published_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('outbox_deliveries')
      .values({
        consumer: 'documents-exchange',
        message_id: Number(m.id),
        message_key: `document:${id}`,
        state: 'delivered',
        attempts: 1,
        next_attempt_at: at,
        delivered_at: at,
      })
      .execute()
  }
}

async function incoming(arrivedAt: string, dueOn: string | null, finishedAt: string | null) {
  const id = randomUUID()
  const d: IncomingDocument = {
    direction: 'incoming',
    id,
    agencyId: receiver,
    status: finishedAt === null ? 'assigned' : 'done',
    document: {
      senderAgencyId: sender,
      senderName: 'Sở Tư pháp',
      type: 'cong-van',
      notation: '1/STP-VP',
      issuedOn: arrivedAt.slice(0, 10),
      subject: 'Về việc kiểm thử',
      signerName: 'Lãnh đạo',
      urgency: 'normal',
      confidentiality: 'none',
      sourceDocumentId: null,
    },
    arrivedAt,
    year: 2026,
    number: Math.floor(Math.random() * 1e9),
    arrivedOn: arrivedAt.slice(0, 10),
    handlerId: null,
    dueOn,
    opinions: [],
    replyId: null,
    finishedAt,
    version: 4,
  }
  await insertDocument(
    t.database.db,
    d,
    { type: 'opinion-added', at: arrivedAt, actor: 'test', text: '-' },
    new Date(arrivedAt),
  )
}

before(async () => {
  t = await createTestApp()
  monitor = await signedIn(t, { grants: [{ role: 'monitor', agencyId: 'ubnd-tinh' }] })
  await issued(sender, '2026-03-10', 0) // to motcua agencies only: electronic
  await issued(sender, '2026-03-10', 1, true) // handed to the axis: electronic
  await issued(sender, '2026-03-11', 1) // never handed to the axis: otherwise
  await issued(sender, '2026-04-02', 0) // after the window
  await issued(receiver, '2026-03-15', 0)
  await incoming('2026-03-02T02:00:00.000Z', '2026-03-10', '2026-03-10T16:00:00.000Z') // 23:00 on the 10th: on time
  await incoming('2026-03-02T02:00:00.000Z', '2026-03-10', '2026-03-10T17:30:00.000Z') // 00:30 on the 11th: late
  await incoming('2026-03-05T02:00:00.000Z', '2026-03-20', null) // open past its deadline
  await incoming('2026-03-05T02:00:00.000Z', '2026-03-20', '2026-04-05T02:00:00.000Z') // done only after the end
  await incoming('2026-03-05T02:00:00.000Z', '2026-04-10', null) // open, not yet due
  await incoming('2026-02-20T02:00:00.000Z', '2026-03-31', null) // due on the last day: not yet overdue
})
after(() => t.close())

const get = async (query: string) =>
  t.app.inject({ method: 'GET', url: `/api/indicators/documents?${query}`, headers: monitor })
const march = 'from=2026-03-01&to=2026-03-31'
const agencyOf = async (id: string) =>
  (await get(march)).json().agencies.find((a: { agencyId: string }) => a.agencyId === id)

test('documents issued to motcua agencies or handed to the axis count as sent electronically, the rest not', async () => {
  const a = await agencyOf(sender)
  assert.deepEqual([a.sent, a.sentElectronically, a.sentOtherwise, a.electronicShare], [3, 2, 1, 0.67])
})

test('an incoming document finished by the end of its deadline day (Vietnam time) is on time, after it late', async () => {
  const a = await agencyOf(receiver)
  assert.deepEqual([a.finished, a.finishedOnTime, a.finishedLate, a.onTimeShare], [2, 1, 1, 0.5])
})

test('open past the deadline day at the period end counts as overdue, also when finished only later', async () => {
  assert.equal((await agencyOf(receiver)).overdueOpen, 2)
})

test('received counts the incoming documents that arrived in the period', async () => {
  assert.equal((await agencyOf(receiver)).received, 5)
})

test('the agency filter gives that agency alone', async () => {
  const body = (await get(`${march}&agency=${receiver}`)).json()
  assert.deepEqual([body.agencies.map((a: { agencyId: string }) => a.agencyId), body.total.sent], [[receiver], 1])
})

test('a period ending before it starts is a 400 problem in Vietnamese and English', async () => {
  const res = await get('from=2026-03-31&to=2026-03-01')
  assert.deepEqual(
    [res.statusCode, res.json().errors[0].message, res.json().errors[0].en],
    [400, 'từ ngày phải trước đến ngày', 'from must not be after to'],
  )
})

test('the programme’s e-document measure is the province’s share of the year', async () => {
  const m = await yearMeasures(t.database.db, 2026, '2026-11-26')
  assert.equal(m.values.e_document_share, 0.8)
})
