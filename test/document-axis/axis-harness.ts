import { randomUUID } from 'node:crypto'
import { axisClient } from '../../src/adapters/document-axis/axis-client.ts'
import { generateAgencyCertificate, generateDemoCa } from '../../src/adapters/signing/certificates.ts'
import { signPackage } from '../../src/adapters/signing/xml-signer.ts'
import type { AxisDeps, DocumentArrival } from '../../src/app/document-axis/axis-deps.ts'
import { buildPackage, type PackageEnvelope } from '../../src/domain/documents/edxml/build-package.ts'
import type { OutgoingDocumentForExchange } from '../../src/domain/documents/edxml/exchange-document.ts'
import { documentAxisConsumer } from '../../src/jobs/document-axis-consumer.ts'
import { defaultRetryPolicy, relayOnce } from '../../src/jobs/outbox-relay.ts'
import type { OpenDatabase } from '../../src/store/database.ts'
import { type FakeDocumentAxis, startFakeDocumentAxis } from '../support/fake-document-axis.ts'
import { createTestDatabase } from '../support/test-database.ts'
import { attachment, consultationLetter } from './exchange-documents.ts'

export type AxisHarness = {
  readonly database: OpenDatabase
  readonly axis: FakeDocumentAxis
  readonly deps: AxisDeps
  readonly arrivals: DocumentArrival[]
  /** Moves the clock on (past any backoff) and runs one relay round with the axis as the only consumer. */
  relay(): Promise<void>
  /** Makes the documents module's intake fail the next `n` times. */
  failArrivals(n: number): void
  close(): Promise<void>
}

export async function startAxisHarness(options: { timeoutMs?: number } = {}): Promise<AxisHarness> {
  const database = await createTestDatabase()
  const axis = await startFakeDocumentAxis()
  let now = new Date('2026-12-03T02:00:00Z')
  const clock = () => now
  const client = axisClient({
    baseUrl: axis.baseUrl,
    systemId: axis.systemId,
    secret: axis.secret,
    timeoutMs: options.timeoutMs ?? 2_000,
  })
  const arrivals: DocumentArrival[] = []
  let failing = 0
  const deps: AxisDeps = {
    db: database.db,
    client,
    now: clock,
    newId: randomUUID,
    connectionPoint: { organId: '000.00.00.H34', name: 'Ủy ban nhân dân tỉnh Khánh Hòa' },
    onDocumentArrived: async (arrival) => {
      if (failing > 0) {
        failing--
        throw new Error('documents module unavailable')
      }
      arrivals.push(arrival)
    },
  }
  const consumer = documentAxisConsumer({ db: database.db, client, now: clock })
  return {
    database,
    axis,
    deps,
    arrivals,
    async relay() {
      now = new Date(now.getTime() + 3_600_000)
      await relayOnce(database.db, [consumer], {
        clock,
        random: () => 0.5,
        policy: { ...defaultRetryPolicy, baseDelayMs: 1_000 },
      })
    },
    failArrivals: (n) => {
      failing = n
    },
    async close() {
      await axis.close()
      await database.close()
    },
  }
}

/** The Lâm Đồng health department's system: its own CA and key, nothing of ours. */
const senderCa = generateDemoCa(new Date('2026-01-01T00:00:00Z'))
const senderKey = generateAgencyCertificate(
  senderCa,
  { commonName: 'Sở Y tế tỉnh Lâm Đồng', organization: 'Tỉnh Lâm Đồng', country: 'VN' },
  new Date('2026-01-01T00:00:00Z'),
)

/** A document another province's agency sends to our health department. */
export const incomingLetter = (over: Partial<OutgoingDocumentForExchange> = {}): OutgoingDocumentForExchange =>
  consultationLetter({
    from: { organId: '000.00.07.H31', name: 'Sở Y tế tỉnh Lâm Đồng' },
    recipients: [{ organId: '000.00.07.H34', name: 'Sở Y tế' }],
    number: '45',
    notation: 'SYT-NVY',
    subject: 'V/v phối hợp thẩm định hồ sơ hành nghề dược',
    attachments: [attachment('45-SYT-NVY.pdf', '%PDF-1.7 phối hợp')],
    ...over,
  })

export const signedIncoming = (
  document: OutgoingDocumentForExchange,
  envelope: Omit<PackageEnvelope, 'sentAt'> = { business: 'new' },
) => signPackage(buildPackage(document, { ...envelope, sentAt: new Date('2026-12-03T01:00:00Z') }), senderKey)
