import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { pullIncoming } from '../../src/app/document-axis/pull-incoming.ts'
import { reportStatus } from '../../src/app/document-axis/report-status.ts'
import { takeInMessage } from '../../src/app/document-axis/take-in-message.ts'
import { buildPackage } from '../../src/domain/documents/edxml/build-package.ts'
import { StatusCode } from '../../src/domain/documents/edxml/status-code.ts'
import { parseStatusMessage } from '../../src/domain/documents/edxml/status-message.ts'
import { incomingByAxisId, loadMessage, statusHistory } from '../../src/store/document-axis/axis-messages.ts'
import { engineName } from '../support/test-database.ts'
import { type AxisHarness, incomingLetter, signedIncoming, startAxisHarness } from './axis-harness.ts'

const pull = (h: AxisHarness) => pullIncoming(h.deps, { holder: 'test', leaseMs: 60_000, limit: 50 })

/** Issue 17 §3: what the axis delivers is taken in once, answered, and handed to the documents module. */
describe(`receiving from the national axis on ${engineName}`, () => {
  let h: AxisHarness
  before(async () => {
    h = await startAxisHarness()
  })
  after(() => h.close())

  const deliver = (number: string) =>
    h.axis.deliverToUs(signedIncoming(incomingLetter({ number })), { type: 'edoc', from: '000.00.07.H31' })
  const arrivalsOf = (axisId: string) =>
    h.arrivals.filter((a) => a.package.documentId.endsWith(`${axisId}/SYT-NVY`)).length

  test('a received document is handed to the documents module with its fields', async () => {
    deliver('301')
    await pull(h)
    const arrival = h.arrivals.find((a) => a.package.number === '301')
    assert.equal(arrival?.package.subject, 'V/v phối hợp thẩm định hồ sơ hành nghề dược')
  })

  test('a message listed twice in one answer is stored and handed over once', async () => {
    h.axis.listTwice(true)
    deliver('302')
    await pull(h)
    h.axis.listTwice(false)
    assert.equal(arrivalsOf('302'), 1)
  })

  test('a message delivered again after it was taken in is stored once and acknowledged again', async () => {
    const axisId = deliver('303')
    const item = { axisId, type: 'edoc' as const, from: '000.00.07.H31' }
    const outcomes = [await takeInMessage(h.deps, item), await takeInMessage(h.deps, item)]
    assert.deepEqual([outcomes, arrivalsOf('303')], [['received', 'duplicate'], 1])
  })

  test('a received document is acknowledged to the axis as done and answered with status 01 (đã đến)', async () => {
    const axisId = deliver('304')
    await pull(h)
    await h.relay()
    const replies = [...h.axis.sent.values()].filter((m) => m.type === 'status').map((m) => parseStatusMessage(m.xml))
    const reply = replies.find((r) => r.ok && r.status.responseFor.documentId.endsWith(',304/SYT-NVY'))
    assert.deepEqual(
      [
        h.axis.acknowledgements.find((a) => a.docId === axisId)?.status,
        reply?.ok && reply.status.statusCode,
        reply?.ok && reply.status.from.organId,
      ],
      ['done', StatusCode.Arrived, '000.00.07.H34'],
    )
  })

  test('the axis down while we acknowledge, then up: the message is stored once and acknowledged on the next round', async () => {
    const axisId = deliver('308')
    h.axis.failAcknowledgements(1)
    await pull(h).catch(() => undefined)
    await pull(h)
    assert.deepEqual(
      [arrivalsOf('308'), h.axis.acknowledgements.filter((a) => a.docId === axisId).map((a) => a.status)],
      [1, ['done']],
    )
  })

  test('the axis down for a whole round, then up: nothing is lost', async () => {
    deliver('309')
    h.axis.down()
    await pull(h).catch(() => undefined)
    h.axis.up()
    await pull(h)
    assert.equal(arrivalsOf('309'), 1)
  })

  test('a document the documents module could not take is handed over on the next round', async () => {
    h.failArrivals(1)
    deliver('305')
    await pull(h).catch(() => undefined)
    await pull(h)
    assert.equal(arrivalsOf('305'), 1)
  })

  test('a revocation marks the document it revokes as revoked', async () => {
    const original = incomingLetter({ number: '306' })
    deliver('306')
    await pull(h)
    const target = {
      organId: '000.00.07.H31',
      number: '306',
      notation: 'SYT-NVY',
      promulgatedOn: original.promulgatedOn,
    }
    h.axis.deliverToUs(signedIncoming(original, { business: 'revocation', target, reason: 'Ban hành nhầm' }), {
      type: 'edoc',
      from: '000.00.07.H31',
    })
    await pull(h)
    const first = h.arrivals.find((a) => a.package.number === '306' && a.package.business === 'new')
    assert.equal(first && (await loadMessage(h.deps.db, first.messageId))?.state, 'revoked')
  })

  test('the revocation is audited on the revoked document', async () => {
    const first = h.arrivals.find((a) => a.package.number === '306' && a.package.business === 'new')
    const audit = first
      ? await h.deps.db
          .selectFrom('audit_log')
          .select('action')
          .where('subject', '=', `axis-message:${first.messageId}`)
          .execute()
      : []
    assert.ok(audit.some((r) => r.action === 'axis.revoked'))
  })

  test('the revocation itself reaches the documents module, naming the revoked document', async () => {
    const revocation = h.arrivals.find((a) => a.package.business === 'revocation')
    assert.equal(revocation?.package.targetDocumentId, '000.00.07.H31,2026/12/03,306/SYT-NVY')
  })

  test('a bad package is stored as rejected, acknowledged as fail and never handed over', async () => {
    const bad = signedIncoming(incomingLetter({ number: '307' })).replace(/<edXML:Subject>.*?<\/edXML:Subject>/, '')
    const axisId = h.axis.deliverToUs(bad, { type: 'edoc', from: '000.00.07.H31' })
    await pull(h)
    const stored = await incomingByAxisId(h.deps.db, axisId)
    assert.deepEqual(
      [
        stored?.state,
        stored?.problems?.map((p) => p.path),
        h.axis.acknowledgements.find((a) => a.docId === axisId)?.status,
        arrivalsOf('307'),
      ],
      ['rejected', ['/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Subject'], 'fail', 0],
    )
  })

  test('a bad package is answered with status 02 (từ chối) naming the problem in Vietnamese', async () => {
    await h.relay()
    const replies = [...h.axis.sent.values()].filter((m) => m.type === 'status').map((m) => parseStatusMessage(m.xml))
    const rejection = replies.find((r) => r.ok && r.status.responseFor.documentId.endsWith(',307/SYT-NVY'))
    assert.ok(rejection?.ok)
    assert.deepEqual(
      [rejection.status.statusCode, rejection.status.description.includes('Thiếu thành phần bắt buộc')],
      [StatusCode.Rejected, true],
    )
  })

  test('a package changed after signing is refused for its signature', async () => {
    const tampered = signedIncoming(incomingLetter({ number: '310' })).replace(
      'phối hợp thẩm định',
      'phối hợp thẩm tra',
    )
    const axisId = h.axis.deliverToUs(tampered, { type: 'edoc', from: '000.00.07.H31' })
    await pull(h)
    const stored = await incomingByAxisId(h.deps.db, axisId)
    assert.deepEqual(
      [stored?.state, stored?.problems?.map((p) => p.path), arrivalsOf('310')],
      ['rejected', ['/edXML/edXMLEnvelope/edXMLHeader/Signature'], 0],
    )
  })

  test('an unsigned package is refused', async () => {
    const unsigned = buildPackage(incomingLetter({ number: '311' }), {
      business: 'new',
      sentAt: new Date('2026-12-03T01:00:00Z'),
    })
    const axisId = h.axis.deliverToUs(unsigned, { type: 'edoc', from: '000.00.07.H31' })
    await pull(h)
    assert.deepEqual(
      (await incomingByAxisId(h.deps.db, axisId))?.problems?.map((p) => p.en),
      ['The package carries no XML signature'],
    )
  })

  test('a package that is not XML is still answered with a rejection to its sender', async () => {
    const axisId = h.axis.deliverToUs('<?xml version="1.0"?><edXML:edXML', { type: 'edoc', from: '000.00.07.H31' })
    await pull(h)
    await h.relay()
    const replies = [...h.axis.sent.values()].filter((m) => m.type === 'status').map((m) => parseStatusMessage(m.xml))
    const rejection = replies.find((r) => r.ok && r.status.responseFor.documentId === `axis:${axisId}`)
    assert.deepEqual(
      [rejection?.ok && rejection.status.responseFor.organId, rejection?.ok && rejection.status.statusCode],
      ['000.00.07.H31', StatusCode.Rejected],
    )
  })

  test("a clerk's status 03 (đã tiếp nhận) about a received document reaches its sender", async () => {
    deliver('312')
    await pull(h)
    const arrival = h.arrivals.find((a) => a.package.number === '312')
    const reported = await reportStatus(h.deps, arrival?.messageId ?? '', {
      statusCode: StatusCode.Accepted,
      description: 'Đã vào sổ văn bản đến số 88',
      staff: { department: 'Văn thư', name: 'Lê Thị Mai' },
      from: { organId: '000.00.07.H34', name: 'Sở Y tế' },
      actor: 'user:van-thu',
    })
    await h.relay()
    const replies = [...h.axis.sent.values()].filter((m) => m.type === 'status').map((m) => parseStatusMessage(m.xml))
    const accepted = replies.find(
      (r) =>
        r.ok && r.status.statusCode === StatusCode.Accepted && r.status.responseFor.documentId.endsWith(',312/SYT-NVY'),
    )
    assert.deepEqual([reported, accepted?.ok && accepted.status.description], [true, 'Đã vào sổ văn bản đến số 88'])
  })

  test('a status cannot be reported on a package we refused', async () => {
    const refused = await incomingByAxisId(
      h.deps.db,
      h.axis.acknowledgements.find((a) => a.status === 'fail')?.docId ?? '',
    )
    const reported = await reportStatus(h.deps, refused?.id ?? '', {
      statusCode: StatusCode.Accepted,
      from: h.deps.connectionPoint,
      actor: 'user:van-thu',
    })
    assert.equal(reported, false)
  })

  test('the statuses we sent about a received document are in its history', async () => {
    const stored = await incomingByAxisId(h.deps.db, h.axis.acknowledgements[0]?.docId ?? '')
    const history = stored ? await statusHistory(h.deps.db, stored.id) : []
    assert.deepEqual(
      history.map((s) => [s.direction, s.statusCode]),
      [['sent', StatusCode.Arrived]],
    )
  })
})
