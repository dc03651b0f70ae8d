import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { queueDocument } from '../../src/app/document-axis/queue-document.ts'
import { notifies } from '../../src/app/notifications/notify-applicant.ts'
import type { OutboxMessage } from '../../src/domain/delivery/outbox-message.ts'
import { loadMessage } from '../../src/store/document-axis/axis-messages.ts'
import { engineName } from '../support/test-database.ts'
import { type AxisHarness, startAxisHarness } from './axis-harness.ts'
import { consultationLetter } from './exchange-documents.ts'

/** Issue 17 §3: a document handed to the axis arrives there once, whatever the axis does in between. */
describe(`sending over the national axis on ${engineName}`, () => {
  let h: AxisHarness
  before(async () => {
    h = await startAxisHarness({ timeoutMs: 1_500 })
  })
  after(() => h.close())

  const queue = (number: string) =>
    queueDocument(h.deps, {
      agencyId: 'ubnd-tinh',
      document: consultationLetter({ number }),
      envelope: { business: 'new' },
      actor: 'user:van-thu',
    })

  test('a queued document is sent through the relay and marked sent with the axis id', async () => {
    const id = await queue('201')
    await h.relay()
    const stored = await loadMessage(h.deps.db, id)
    assert.deepEqual([stored?.state, stored?.axisId], ['sent', h.axis.sent.get(id)?.docId])
  })

  test('the axis down, then up: every queued document arrives once, none lost or doubled', async () => {
    const before = h.axis.sent.size
    h.axis.down()
    const ids = [await queue('202'), await queue('203'), await queue('204')]
    await h.relay()
    await h.relay()
    h.axis.up()
    await h.relay()
    assert.deepEqual([ids.map((id) => h.axis.sent.has(id)), h.axis.sent.size - before], [[true, true, true], 3])
  })

  test('an answer lost after the axis stored the package does not double it', async () => {
    const before = h.axis.sent.size
    h.axis.loseAnswers(1)
    const id = await queue('205')
    await h.relay()
    await h.relay()
    assert.deepEqual([h.axis.sent.size - before, (await loadMessage(h.deps.db, id))?.state], [1, 'sent'])
  })

  test('a slow axis (beyond the attempt limit) leaves the package queued and gets it on a later round, once', async () => {
    const before = h.axis.sent.size
    h.axis.slow(2_500)
    const id = await queue('206')
    await h.relay()
    const afterSlowRound = (await loadMessage(h.deps.db, id))?.state
    h.axis.slow(0)
    for (let round = 0; round < 5 && (await loadMessage(h.deps.db, id))?.state !== 'sent'; round++) await h.relay()
    assert.deepEqual(
      [afterSlowRound, h.axis.sent.size - before, (await loadMessage(h.deps.db, id))?.state],
      ['queued', 1, 'sent'],
    )
  })

  test("the package's outbox message is not mistaken for a dossier event by the applicant notifications", async () => {
    await queue('208')
    const row = await h.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('topic', '=', 'document-axis.send')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    const message = {
      id: Number(row.id),
      topic: row.topic,
      key: row.message_key,
      payload: row.payload as OutboxMessage['payload'],
      createdAt: row.created_at,
    }
    assert.equal(notifies(message), false)
  })

  test('the package the axis receives is signed edXML naming the document', async () => {
    const id = await queue('207')
    await h.relay()
    const xml = h.axis.sent.get(id)?.xml ?? ''
    assert.deepEqual(
      [
        xml.includes('<edXML:DocumentId>000.00.00.H34,2026/12/03,207/UBND-VP</edXML:DocumentId>'),
        xml.includes('<SignatureValue>'),
      ],
      [true, true],
    )
  })
})
