import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { recordFacts } from '../../src/store/kpi/record-facts.ts'
import { requireTools } from '../support/debian-tools.ts'
import { facts } from '../support/kpi-facts.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { get, pdfEvidence, post, programmeId } from './programme-http.ts'

type Row = {
  key: string
  current: { value: number | null; met: boolean | null; source: { kind: string; evidence?: { name: string } } | null }
  trend: { year: number }[]
}

let t: TestApp
let admin: Record<string, string>
let rows: Row[]
before(async () => {
  t = await createTestApp()
  admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }] })
  // Four dossiers of 2026 ended, one of them late: a late share of 25 %.
  const ended = (code: string, late: boolean) =>
    facts(code, {
      received: '2026-03-02T08:00',
      deadline: '2026-03-10T17:00',
      end: { kind: 'done', at: late ? '2026-03-12T09:00' : '2026-03-05T09:00' },
      agencyId: 'xa-22333',
    })
  await recordFacts(t.database.db, [ended('A1', false), ended('A2', false), ended('A3', false), ended('A4', true)])
  const targets = (await get(t, admin, `/api/programme/${programmeId}/targets`)).json<{ id: string; key: string }[]>()
  // The PAR-index rank is the one figure no motcua data can compute: the Ministry publishes it.
  const rank = targets.find((x) => x.key === 'par_index_rank')?.id
  const home = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'so-noi-vu' }] })
  const reported = await post(t, home, `/api/programme/targets/${rank}/figures`, {
    year: 2026,
    value: 6,
    agencyId: 'so-noi-vu',
    note: 'Theo công bố Chỉ số CCHC của Bộ Nội vụ',
    evidence: pdfEvidence('xep-hang-par-index-2026.pdf'),
  })
  assert.equal(reported.statusCode, 201, reported.body)
  rows = (await get(t, admin, `/api/programme/${programmeId}/dashboard?year=2026`)).json<{ rows: Row[] }>().rows
})
after(async () => t.close())

const row = (key: string) => rows.find((r) => r.key === key)

test(`the late share target is computed from the indicator counters as the indicator overview is on ${engineName}`, async () => {
  const overview = await get(t, admin, '/api/indicators/overview?from=2026-01-01&to=2026-12-31')
  const late = overview
    .json<{ programme: { measure: string; value: number }[] }>()
    .programme.find((m) => m.measure === 'late_rate')
  assert.deepEqual([row('late_rate')?.current.value, late?.value], [0.25, 0.25])
})

test(`a late share of 25 % does not meet the target under 10 % on ${engineName}`, () => {
  assert.equal(row('late_rate')?.current.met, false)
})

test(`a reported figure is shown with the unit's evidence file on ${engineName}`, () => {
  assert.equal(row('par_index_rank')?.current.source?.evidence?.name, 'xep-hang-par-index-2026.pdf')
})

test(`a computed target cannot be reported by a unit on ${engineName}`, async () => {
  const targets = (await get(t, admin, `/api/programme/${programmeId}/targets`)).json<{ id: string; key: string }[]>()
  const late = targets.find((x) => x.key === 'late_rate')?.id
  const r = await post(t, admin, `/api/programme/targets/${late}/figures`, {
    year: 2026,
    value: 0.01,
    agencyId: 'so-noi-vu',
    note: '',
    evidence: pdfEvidence(),
  })
  assert.equal(r.statusCode, 409)
})

test(`a target revised from mid-year applies to that year's dashboard on ${engineName}`, async () => {
  const revised = await post(t, admin, `/api/programme/${programmeId}/targets`, {
    key: 'late_rate',
    title: 'Tỷ lệ hồ sơ trễ hạn',
    titleEn: 'Share of late dossiers',
    area: 'administrative_procedures',
    solutionGroupId: 'g2-tthc',
    phaseId: '2026-2030',
    year: 2026,
    source: { kind: 'computed', measure: 'late_rate' },
    comparator: 'below',
    value: 0.3,
    effectiveFrom: '2026-07-01',
    basis: 'test revision',
    illustrative: true,
  })
  assert.equal(revised.statusCode, 201, revised.body)
  const after = (await get(t, admin, `/api/programme/${programmeId}/dashboard?year=2026`)).json<{ rows: Row[] }>().rows
  assert.equal(after.find((r) => r.key === 'late_rate')?.current.met, true)
})

test(`the annual report's spreadsheet names the source of each figure on ${engineName}`, async () => {
  const ExcelJS = (await import('exceljs')).default
  const file = await t.app.inject({
    method: 'GET',
    url: `/api/programme/${programmeId}/reports/reform.xlsx?year=2026`,
    headers: admin,
  })
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer)
  const sources = book.getWorksheet('Chỉ tiêu')?.getColumn(6).values.map(String) ?? []
  assert.ok(
    sources.some((s) => s.includes('xep-hang-par-index-2026.pdf')),
    sources.join('\n'),
  )
})

test(`the quarterly PDF report traces the late share to its counters, read back by pdftotext, on ${engineName}`, {
  skip: requireTools('pdftotext'),
}, async () => {
  const file = await t.app.inject({
    method: 'GET',
    url: `/api/programme/${programmeId}/reports/reform.pdf?year=2026&quarter=1`,
    headers: admin,
  })
  const dir = await mkdtemp(join(tmpdir(), 'motcua-reform-report-'))
  try {
    await writeFile(join(dir, 'r.pdf'), file.rawPayload)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
    assert.match(text.replace(/\s+/g, ' '), /Nguồn: motcua: late_rate, 2026-01-01 – 2026-03-31/)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
