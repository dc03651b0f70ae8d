import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { generateAgencyCertificate, generateDemoCa } from '../src/adapters/signing/certificates.ts'
import type { StaffRole } from '../src/domain/access/principal.ts'
import { localDate } from '../src/domain/calendar/local-time.ts'
import { parsePackage } from '../src/domain/documents/edxml/parse-package.ts'
import { parseStatusMessage } from '../src/domain/documents/edxml/status-message.ts'
import { sessionCookie } from '../src/http/auth/access-control.ts'
import { seedYearDecisions } from '../src/store/calendar/calendar-years.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { type DatabaseLocation, openDatabase } from '../src/store/database.ts'
import { createSession } from '../src/store/identity/sessions.ts'
import { createOfficer } from '../src/store/identity/users.ts'
import { migrate } from '../src/store/migrate.ts'
import { publishedDecisions } from '../src/store/seed/published-decisions.ts'
import { incomingLetter, signedIncoming } from './document-axis/axis-harness.ts'
import { draftContent } from './documents/document-http.ts'
import { type FakeDocumentAxis, startFakeDocumentAxis } from './support/fake-document-axis.ts'
import { type ServeProcess, startServe } from './support/serve-process.ts'
import { createScratchDatabase, engineName } from './support/test-database.ts'

/**
 * Issue 17 §3 wired: `bin/motcua serve` with DOCUMENT_AXIS_… set against the fake axis sends an issued
 * document to an agency outside motcua, signed with the configured key, and pulls one in, which is
 * registered in the recipient's incoming register (the sender hears 03).
 */
describe(`the national axis in bin/motcua serve on ${engineName}`, () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = []
  const sessions = new Map<string, Record<string, string>>()
  let axis: FakeDocumentAxis
  let serve: ServeProcess
  const signing = generateAgencyCertificate(
    generateDemoCa(new Date()),
    { commonName: 'Ủy ban nhân dân tỉnh Khánh Hòa', organization: 'Tỉnh Khánh Hòa', country: 'VN' },
    new Date(),
  )

  before(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-axis-serve-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const serverUrl = process.env.DATABASE_URL
    const scratch = serverUrl ? await createScratchDatabase(serverUrl) : null
    if (scratch) cleanups.push(scratch.drop)
    const location: DatabaseLocation = scratch
      ? { kind: 'postgres', url: scratch.url }
      : { kind: 'embedded', dataDir: join(dataDir, 'db') }
    // The catalogue and the staff only: serve then seeds nothing, and the relay has only this test's messages.
    const open = await openDatabase(location)
    await migrate(open.db)
    await loadCatalogFile(open.db)
    await seedYearDecisions(open.db, publishedDecisions(), new Date('2026-01-01T00:00:00Z'))
    for (const [who, role, agencyId] of [
      ['specialist', 'specialist', 'so-tu-phap'],
      ['leader', 'leader', 'so-tu-phap'],
      ['clerk', 'clerk', 'so-tu-phap'],
      ['health-clerk', 'clerk', 'so-y-te'],
    ] as const) {
      const grants = [{ role: role as StaffRole, agencyId }]
      const userId = await createOfficer(
        open.db,
        { username: who, name: who, password: 'x'.repeat(16), grants },
        new Date(),
      )
      const session = await createSession(open.db, userId, 'password', new Date())
      sessions.set(who, { cookie: `${sessionCookie}=${session.token}`, 'x-csrf-token': session.csrfToken })
    }
    await open.close()
    writeFileSync(join(dataDir, 'axis-key.pem'), signing.privateKeyPem)
    writeFileSync(join(dataDir, 'axis-cert.pem'), signing.certificatePem)
    axis = await startFakeDocumentAxis()
    cleanups.push(() => axis.close())
    serve = await startServe(
      {
        ...(scratch ? { DATABASE_URL: scratch.url } : {}),
        MOTCUA_DEMO: '0',
        LOG_LEVEL: 'warn',
        MOTCUA_DEADLINE_WATCH: 'false',
        MOTCUA_RELAY_INTERVAL_MS: '200',
        DOCUMENT_AXIS_BASE_URL: axis.baseUrl,
        DOCUMENT_AXIS_SYSTEM_ID: axis.systemId,
        DOCUMENT_AXIS_SECRET: axis.secret,
        DOCUMENT_AXIS_AGENCY_CODE: '000.00.00.H34',
        DOCUMENT_AXIS_AGENCY_NAME: 'Ủy ban nhân dân tỉnh Khánh Hòa',
        DOCUMENT_AXIS_SIGNING_KEY_FILE: join(dataDir, 'axis-key.pem'),
        DOCUMENT_AXIS_SIGNING_CERTIFICATE_FILE: join(dataDir, 'axis-cert.pem'),
        DOCUMENT_AXIS_PULL_INTERVAL_MS: '1000',
      },
      scratch ? dataDir : join(dataDir, 'db'),
    )
    cleanups.push(() => serve.stop())
    await serve.healthy(120_000)
  })
  after(async () => {
    for (const c of cleanups.reverse()) await c()
  })

  async function post(who: string, path: string, payload: object) {
    const response = await fetch(`${serve.base}${path}`, {
      method: 'POST',
      headers: { ...sessions.get(who), 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    })
    assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`)
    return response.json() as Promise<{ id: string }>
  }
  async function until<T>(find: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
    const deadline = Date.now() + 60_000
    for (;;) {
      const found = await find()
      if (found !== undefined) return found
      if (Date.now() > deadline) throw new Error(`${what} never happened:\n${serve.output().slice(-3000)}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  test('an issued document reaches the outside agency, signed with the configured certificate', async () => {
    const content = draftContent({ recipients: [{ kind: 'external', code: '000.00.00.G12', name: 'Bộ Tư pháp' }] })
    const { id } = await post('specialist', '/api/documents', { agencyId: 'so-tu-phap', content })
    await post('specialist', `/api/documents/${id}/submission`, {})
    await post('leader', `/api/documents/${id}/review`, { note: null })
    await post('leader', `/api/documents/${id}/approval`, { signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' })
    await post('clerk', `/api/documents/${id}/numbering`, {})
    await post('clerk', `/api/documents/${id}/issuance`, {})
    const sent = await until(() => [...axis.sent.values()].find((s) => s.type === 'edoc'), 'the package on the axis')
    const parsed = parsePackage(sent.xml)
    const certificate = signing.certificatePem.replace(/-----[^-]+-----|\s/g, '')
    assert.deepEqual(
      [parsed.ok && parsed.package.from.organId, sent.xml.replace(/\s/g, '').includes(certificate)],
      ['000.00.02.H34', true],
    )
  })

  test("a document pulled from the axis is registered in the recipient's incoming register", async () => {
    const axisId = axis.deliverToUs(signedIncoming(incomingLetter({ number: '88' })), {
      type: 'edoc',
      from: '000.00.07.H31',
    })
    await until(() => axis.acknowledgements.find((a) => a.docId === axisId && a.status === 'done'), 'the ack')
    await until(
      () =>
        [...axis.sent.values()]
          .map((s) => (s.type === 'status' ? parseStatusMessage(s.xml) : null))
          .find((s) => s?.ok && s.status.statusCode === '03'),
      'the 03 status',
    )
    const year = localDate(new Date()).slice(0, 4)
    const response = await fetch(`${serve.base}/api/documents/registers/incoming?agencyId=so-y-te&year=${year}`, {
      headers: sessions.get('health-clerk'),
    })
    const items = ((await response.json()) as { items: { number: number; notation: string }[] }).items
    assert.deepEqual(
      items.map((d) => [d.number, d.notation]),
      [[1, '88/SYT-NVY']],
    )
  })
})
