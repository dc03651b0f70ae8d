import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import type { AxisDeps } from '../../src/app/document-axis/axis-deps.ts'
import { pullIncoming } from '../../src/app/document-axis/pull-incoming.ts'
import { refreshDirectory } from '../../src/app/document-axis/refresh-directory.ts'
import { registerAxisArrival } from '../../src/app/documents/register-axis-arrival.ts'
import { availableIncomingActions } from '../../src/domain/documents/actions.ts'
import { parsePackage } from '../../src/domain/documents/edxml/parse-package.ts'
import { parseStatusMessage } from '../../src/domain/documents/edxml/status-message.ts'
import type { IncomingDocument } from '../../src/domain/documents/incoming.ts'
import { incomingByAxisId, loadMessage, statusHistory } from '../../src/store/document-axis/axis-messages.ts'
import { attachmentsOf } from '../../src/store/documents/axis-arrivals.ts'
import { loadDocument } from '../../src/store/documents/document-store.ts'
import { engineName } from '../support/test-database.ts'
import { type AxisHarness, incomingLetter, signedIncoming, startAxisHarness } from './axis-harness.ts'
import { attachment } from './exchange-documents.ts'

/** Issue 17 §3: a document received over the axis is one registered incoming document of its recipient. */
describe(`an arrival over the axis is registered once, on ${engineName}`, () => {
  let h: AxisHarness
  let deps: AxisDeps
  const documentDeps = () => ({ db: h.deps.db, now: h.deps.now, newId: h.deps.newId })
  before(async () => {
    h = await startAxisHarness()
    await refreshDirectory(h.deps)
    deps = { ...h.deps, onDocumentArrived: async (a) => void (await registerAxisArrival(documentDeps(), a)) }
  })
  after(() => h.close())

  const pull = () => pullIncoming(deps, { holder: 'test', leaseMs: 60_000, limit: 50 })
  /** Delivers a letter to Sở Y tế (000.00.07.H34), pulls, and gives the incoming document made of it. */
  async function arrive(number: string, files = [attachment(`${number}.pdf`, `%PDF-1.7 ${number}`)]) {
    const axisId = h.axis.deliverToUs(signedIncoming(incomingLetter({ number, attachments: files })), {
      type: 'edoc',
      from: '000.00.07.H31',
    })
    await pull()
    return incomingOf(axisId)
  }
  async function incomingOf(axisId: string) {
    const message = await incomingByAxisId(h.deps.db, axisId)
    const found = await sql<{ id: string; state: IncomingDocument }>`SELECT d.id, d.state FROM documents d
      JOIN document_axis_arrivals a ON a.document_id = d.id WHERE a.axis_message_id = ${message?.id ?? null}`.execute(
      h.deps.db,
    )
    const rows = found.rows
    return { message, rows, document: rows[0]?.state as IncomingDocument | undefined }
  }

  test("it is registered in the recipient's incoming register with the next number and today's date", async () => {
    const { document } = await arrive('401')
    assert.deepEqual(
      [document?.agencyId, document?.status, document?.year, document?.number, document?.arrivedOn],
      ['so-y-te', 'registered', 2026, 1, '2026-12-03'],
    )
  })

  test('its sender is named by the agency directory, from its national code', async () => {
    const { document } = await arrive('402')
    assert.equal(document?.document.senderName, 'Sở Y tế tỉnh Lâm Đồng')
  })

  test('every attachment is stored with its SHA-256', async () => {
    const files = [attachment('403.pdf', '%PDF-1.7 công văn'), attachment('phu-luc.pdf', '%PDF-1.7 phụ lục')]
    const { rows } = await arrive('403', files)
    const stored = await attachmentsOf(h.deps.db, String(rows[0]?.id))
    assert.deepEqual(
      stored.map((f) => f.sha256),
      files.map((f) => createHash('sha256').update(f.bytes).digest('hex')),
    )
  })

  test('the same package handed over twice is one document', async () => {
    const { message } = await arrive('404')
    const loaded = await loadMessage(h.deps.db, message?.id ?? '')
    const arrival = { messageId: loaded?.id ?? '', package: packageOf(loaded?.xml) }
    await registerAxisArrival(documentDeps(), arrival)
    assert.equal((await incomingOf(message?.axisId ?? '')).rows.length, 1)
  })

  test('the same package handed over eight times at once is one document with one number', async () => {
    const axisId = h.axis.deliverToUs(signedIncoming(incomingLetter({ number: '405' })), {
      type: 'edoc',
      from: '000.00.07.H31',
    })
    // Stored but not handed over: the documents module is down for this round.
    await pullIncoming(
      { ...deps, onDocumentArrived: () => Promise.reject(new Error('down')) },
      {
        holder: 'test',
        leaseMs: 60_000,
        limit: 50,
      },
    ).catch(() => undefined)
    const message = await incomingByAxisId(h.deps.db, axisId)
    const arrival = { messageId: message?.id ?? '', package: packageOf(message?.xml) }
    await Promise.all(Array.from({ length: 8 }, () => registerAxisArrival(documentDeps(), arrival)))
    const numbers = await h.deps.db
      .selectFrom('documents')
      .select('register_number')
      .where('agency_id', '=', 'so-y-te')
      .where('direction', '=', 'incoming')
      .execute()
    assert.deepEqual(
      [(await incomingOf(axisId)).rows.length, new Set(numbers.map((n) => n.register_number)).size],
      [1, numbers.length],
    )
  })

  test('the sender is told 03 (accepted) once the document is registered', async () => {
    const { message } = await arrive('406')
    const sent = (await statusHistory(h.deps.db, message?.id ?? '')).map((s) => s.statusCode)
    assert.deepEqual(sent, ['01', '03'])
  })

  /** The edXML reference of the letter numbered `number` (what a revocation or replacement names). */
  const targetOf = (number: string) => ({
    organId: '000.00.07.H31',
    number,
    notation: 'SYT-NVY',
    promulgatedOn: incomingLetter().promulgatedOn,
  })
  const clerk = { id: 'clerk', name: 'Văn thư', grants: [{ role: 'clerk' as const, agencyId: 'so-y-te' }] }
  const leader = { id: 'leader', name: 'Lãnh đạo', grants: [{ role: 'leader' as const, agencyId: 'so-y-te' }] }

  test('a revoked document is marked revoked and offers no more handling actions', async () => {
    const { rows } = await arrive('408')
    const revocation = signedIncoming(incomingLetter({ number: '408' }), {
      business: 'revocation',
      target: targetOf('408'),
      reason: 'Ban hành nhầm',
    })
    h.axis.deliverToUs(revocation, { type: 'edoc', from: '000.00.07.H31' })
    await pull()
    const d = (await loadDocument(h.deps.db, String(rows[0]?.id))) as IncomingDocument
    assert.deepEqual(
      [d.status, availableIncomingActions(d, leader), availableIncomingActions(d, clerk)],
      ['revoked', [], []],
    )
  })

  test('a replacement supersedes the earlier document and each links to the other', async () => {
    const { rows } = await arrive('409')
    const replacement = signedIncoming(incomingLetter({ number: '410' }), {
      business: 'replacement',
      target: targetOf('409'),
      reason: 'Thay thế văn bản số 409',
    })
    const axisId = h.axis.deliverToUs(replacement, { type: 'edoc', from: '000.00.07.H31' })
    await pull()
    const { document } = await incomingOf(axisId)
    const earlier = (await loadDocument(h.deps.db, String(rows[0]?.id))) as IncomingDocument
    assert.deepEqual(
      [earlier.status, earlier.supersededById, document?.replacesId, availableIncomingActions(earlier, leader)],
      ['superseded', document?.id, earlier.id, []],
    )
  })

  test('a package for no agency of ours is refused: 02 goes back and no document is made', async () => {
    const xml = signedIncoming(incomingLetter({ number: '407', recipients: [{ organId: '000.00.09.H99', name: 'X' }] }))
    const axisId = h.axis.deliverToUs(xml, { type: 'edoc', from: '000.00.07.H31' })
    await pull()
    await h.relay()
    const status = [...h.axis.sent.values()]
      .map((s) => parseStatusMessage(s.xml))
      .find((s) => s.ok && s.status.responseFor.documentId.includes('407'))
    const { rows } = await incomingOf(axisId)
    assert.deepEqual([status?.ok && status.status.statusCode, rows.length], ['02', 0])
  })
})

function packageOf(xml: string | undefined) {
  const parsed = parsePackage(xml ?? '')
  if (!parsed.ok) throw new Error('stored package does not parse')
  return parsed.package
}
