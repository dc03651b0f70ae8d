import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { pullIncoming } from '../../src/app/document-axis/pull-incoming.ts'
import { queueDocument } from '../../src/app/document-axis/queue-document.ts'
import { refreshDirectory } from '../../src/app/document-axis/refresh-directory.ts'
import { StatusCode } from '../../src/domain/documents/edxml/status-code.ts'
import { buildStatusMessage } from '../../src/domain/documents/edxml/status-message.ts'
import { directory } from '../../src/store/document-axis/axis-directory.ts'
import { incomingByAxisId, statusHistory } from '../../src/store/document-axis/axis-messages.ts'
import { engineName } from '../support/test-database.ts'
import { type AxisHarness, startAxisHarness } from './axis-harness.ts'
import { consultationLetter } from './exchange-documents.ts'

const pull = (h: AxisHarness) => pullIncoming(h.deps, { holder: 'test', leaseMs: 60_000, limit: 50 })

/** Issue 17 §3: the recipient's status packages about a document we sent are recorded against it. */
describe(`statuses of sent documents and the directory on ${engineName}`, () => {
  let h: AxisHarness
  let sentId: string
  before(async () => {
    h = await startAxisHarness()
    sentId = await queueDocument(h.deps, {
      agencyId: 'ubnd-tinh',
      document: consultationLetter(),
      envelope: { business: 'new' },
      actor: 'user:van-thu',
    })
    await h.relay()
  })
  after(() => h.close())

  const statusFrom = (statusCode: StatusCode, documentId = '000.00.00.H34,2026/12/03,123/UBND-VP') =>
    buildStatusMessage({
      responseFor: { organId: '000.00.00.H34', code: '123/UBND-VP', promulgatedOn: '2026-12-03', documentId },
      from: { organId: '000.00.07.H31', name: 'Sở Y tế tỉnh Lâm Đồng' },
      statusCode,
      description: '',
      at: new Date('2026-12-03T04:00:00Z'),
    })

  test("the recipient's statuses are recorded in the sent document's history, in order", async () => {
    h.axis.deliverToUs(statusFrom(StatusCode.Arrived), { type: 'status', from: '000.00.07.H31' })
    h.axis.deliverToUs(statusFrom(StatusCode.Accepted).replace('11:00:00', '11:05:00'), {
      type: 'status',
      from: '000.00.07.H31',
    })
    await pull(h)
    const history = await statusHistory(h.deps.db, sentId)
    assert.deepEqual(
      history.map((s) => [s.direction, s.statusCode, s.reportedBy]),
      [
        ['received', StatusCode.Arrived, '000.00.07.H31'],
        ['received', StatusCode.Accepted, '000.00.07.H31'],
      ],
    )
  })

  test('a status about a document we never sent is kept as refused and acknowledged as fail', async () => {
    const axisId = h.axis.deliverToUs(statusFrom(StatusCode.Done, '000.00.00.H34,2026/12/01,999/UBND-VP'), {
      type: 'status',
      from: '000.00.07.H31',
    })
    await pull(h)
    const stored = await incomingByAxisId(h.deps.db, axisId)
    assert.deepEqual(
      [stored?.state, h.axis.acknowledgements.find((a) => a.docId === axisId)?.status],
      ['rejected', 'fail'],
    )
  })

  test("the axis's directory is stored with its QCVN 102 codes, entries without one left out", async () => {
    await refreshDirectory(h.deps)
    assert.deepEqual(
      (await directory(h.deps.db)).map((e) => e.code),
      ['000.00.00.G22', '000.00.00.H31', '000.00.00.H34', '000.00.07.H31'],
    )
  })
})
