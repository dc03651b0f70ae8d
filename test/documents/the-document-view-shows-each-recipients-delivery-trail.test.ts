import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { axisClient } from '../../src/adapters/document-axis/axis-client.ts'
import { pullIncoming } from '../../src/app/document-axis/pull-incoming.ts'
import { parsePackage } from '../../src/domain/documents/edxml/parse-package.ts'
import { StatusCode } from '../../src/domain/documents/edxml/status-code.ts'
import { buildStatusMessage } from '../../src/domain/documents/edxml/status-message.ts'
import { documentAxisConsumer } from '../../src/jobs/document-axis-consumer.ts'
import { documentsExchangeConsumer } from '../../src/jobs/documents-exchange-consumer.ts'
import { relayOnce } from '../../src/jobs/outbox-relay.ts'
import { type FakeDocumentAxis, startFakeDocumentAxis } from '../support/fake-document-axis.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { act, approvedDocument, officer, receiver, sender, sendingOffice } from './document-http.ts'

const outside = { code: '000.00.07.H31', name: 'Sở Y tế tỉnh Lâm Đồng' }
const reason = 'Từ chối tiếp nhận: văn bản gửi nhầm nơi nhận'

/** Issue 17 §3, §6: an issued document's view follows it at each recipient (Quá trình gửi nhận). */
describe(`the delivery trail of an issued document on ${engineName}`, () => {
  let t: TestApp
  let axis: FakeDocumentAxis
  let documentId: string
  let office: Awaited<ReturnType<typeof sendingOffice>>
  before(async () => {
    t = await createTestApp()
    axis = await startFakeDocumentAxis()
    const db = t.database.db
    await db
      .insertInto('agency_codes')
      .values({ agency_id: sender, code: '000.00.05.H34', valid_from: '2020-01-01', valid_to: null, confirmed: true })
      .execute()
    office = await sendingOffice(t)
    documentId = await approvedDocument(t, office, {
      recipients: [
        { kind: 'agency', agencyId: receiver },
        { kind: 'external', ...outside },
      ],
    })
    await act(t, office.clerk, documentId, 'numbering')
    const issued = (await act(t, office.clerk, documentId, 'issuance')).json()
    const clerk = await officer(t, 'clerk', receiver, 'Văn thư Sở Nội vụ')
    await act(t, clerk, issued.outgoing.delivered[0].documentId, 'registration')

    const client = axisClient({ baseUrl: axis.baseUrl, systemId: axis.systemId, secret: axis.secret, timeoutMs: 2_000 })
    const now = () => new Date()
    const consumers = [
      documentsExchangeConsumer({ db, now, newId: randomUUID }),
      documentAxisConsumer({ db, client, now }),
    ]
    await relayOnce(db, consumers)
    await relayOnce(db, consumers)
    const parsed = parsePackage([...axis.sent.values()][0]?.xml ?? '')
    if (!parsed.ok) throw new Error('no package reached the fake axis')
    const p = parsed.package
    axis.deliverToUs(
      buildStatusMessage({
        responseFor: {
          organId: p.from.organId,
          code: `${p.number}/${p.notation}`,
          promulgatedOn: p.promulgatedOn,
          documentId: p.documentId,
        },
        from: { organId: outside.code, name: outside.name },
        statusCode: StatusCode.Rejected,
        description: reason,
        at: new Date(Date.now() + 60_000),
      }),
      { type: 'status', from: outside.code },
    )
    await pullIncoming(
      {
        db,
        client,
        now,
        newId: randomUUID,
        connectionPoint: { organId: '000.00.00.H34', name: 'Ủy ban nhân dân tỉnh Khánh Hòa' },
        onDocumentArrived: async () => {},
      },
      { holder: 'test', leaseMs: 60_000, limit: 10 },
    )
  })
  after(async () => {
    await axis.close()
    await t.close()
  })

  const deliveries = async () =>
    (await t.app.inject({ url: `/api/documents/${documentId}`, headers: office.clerk.headers })).json().deliveries

  test("the outside recipient's refusal over the axis shows as 02 with its reason", async () => {
    const external = (await deliveries()).find((d: { kind: string }) => d.kind === 'external')
    assert.deepEqual(
      external.steps.map((s: { code: string; description: string }) => [s.code, s.description]),
      [[StatusCode.Rejected, reason]],
    )
  })

  test("the motcua recipient's arrival and registration show as 01 and 03", async () => {
    const internal = (await deliveries()).find((d: { kind: string }) => d.kind === 'agency')
    assert.deepEqual(
      [internal.agencyId, internal.steps.map((s: { code: string }) => s.code)],
      [receiver, [StatusCode.Arrived, StatusCode.Accepted]],
    )
  })
})
