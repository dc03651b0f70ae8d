import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import ExcelJS from 'exceljs'
import { Channel, DossierStatus } from '../src/domain/dossier/status.ts'
import type { DossierFacts } from '../src/domain/kpi/facts.ts'
import type { Ii06aReport } from '../src/domain/kpi/ii06a-report.ts'
import { recordFacts } from '../src/store/kpi/record-facts.ts'
import { requireTools } from './support/debian-tools.ts'
import { facts as kpiFacts } from './support/kpi-facts.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'

const at = (iso: string) => new Date(iso).getTime()

/** A civil-status dossier at Bắc Nha Trang, received Mon 2 March 2026 and done early on the 4th. */
function facts(n: number, over: Partial<DossierFacts>): DossierFacts {
  const base = kpiFacts(`II06A-${n}`, {
    received: '2026-03-02T09:00',
    deadline: '2026-03-05T17:00',
    end: { kind: 'done', at: '2026-03-04T10:00' },
    online: true,
    status: DossierStatus.Returned,
    agencyId: 'xa-22333',
    fieldId: 'ho-tich',
    procedureCode: '1.004873',
    workingMinutes: 960,
  })
  return { ...base, ...over }
}

const query = 'from=2026-03-01&to=2026-06-30'
let t: TestApp
let monitor: Record<string, string>
let dir: string
let json: Ii06aReport

before(async () => {
  t = await createTestApp()
  dir = mkdtempSync(join(tmpdir(), 'motcua-ii06a-'))
  await recordFacts(t.database.db, [
    facts(1, {}),
    facts(2, { channel: Channel.InPerson, end: { kind: 'done', at: at('2026-03-09T03:00:00Z') } }),
    facts(3, { receivedAt: at('2026-02-20T02:00:00Z'), deadlineAt: at('2026-02-25T10:00:00Z') }),
    facts(4, { status: DossierStatus.Processing, end: null, workingMinutes: null, channel: Channel.Post }),
    facts(5, {
      agencyId: 'so-tai-chinh',
      fieldId: 'thanh-lap-va-hoat-dong-cua-doanh-nghiep',
      procedureCode: '2.001583',
      deadlineAt: at('2026-03-20T10:00:00Z'),
    }),
  ])
  monitor = await signedIn(t, { grants: [{ role: 'monitor', agencyId: 'ubnd-tinh' }] })
  const res = await t.app.inject({ method: 'GET', url: `/api/reports/ii06a?${query}`, headers: monitor })
  assert.equal(res.statusCode, 200, res.body)
  json = res.json<Ii06aReport>()
})

after(async () => {
  await t.close()
  rmSync(dir, { recursive: true, force: true })
})

const download = async (extension: 'xlsx' | 'pdf', type: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/reports/ii06a.${extension}?${query}`, headers: monitor })
  assert.equal(res.statusCode, 200, res.body)
  assert.equal(res.headers['content-type'], type)
  assert.equal(
    res.headers['content-disposition'],
    `attachment; filename="bao-cao-ii06a-2026-03-01-2026-06-30.${extension}"`,
  )
  return res.rawPayload
}

/** Columns (3)–(13) of the form for a row of the JSON report. */
const formFigures = (f: Ii06aReport['total']) => [
  f.carriedOver + f.received,
  f.carriedOver,
  f.receivedOnline,
  f.receivedInPersonOrPost,
  f.resolved,
  f.resolvedEarly,
  f.resolvedOnTime,
  f.resolvedLate,
  f.inProgress,
  f.inProgressWithinDeadline,
  f.inProgressOverdue,
]

test('the JSON report the exports are checked against has a carried-over, late and overdue dossiers', () => {
  assert.equal(json.total.carriedOver, 1)
  assert.equal(json.total.received, 4)
  assert.equal(json.total.resolvedLate, 2)
  assert.equal(json.total.inProgressOverdue, 1)
})

test('the xlsx export lays out form II.06a with the JSON report’s figures as numbers', async () => {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(
    new Uint8Array(await download('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).buffer,
  )
  const sheet = book.getWorksheet('II.06a')
  assert.ok(sheet)
  const rows: unknown[][] = []
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1))
  })
  const texts = rows.flat().filter((v): v is string => typeof v === 'string')
  for (const heading of [
    'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC',
    'Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 30/06/2026',
    'Số hồ sơ nhận giải quyết',
    'Số kỳ trước chuyển qua',
    'Số mới tiếp nhận trực tuyến',
    'Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính',
    'Số hồ sơ đã giải quyết',
    'Trả đúng thời hạn',
    'Số hồ sơ đang giải quyết',
    'Chưa đến hạn',
  ])
    assert.ok(texts.includes(heading), `missing heading "${heading}"`)
  assert.ok(sheet.getCell('C6').isMerged, 'the received group heading spans its columns')

  const rowOf = (label: string) => rows.find((r) => r[1] === label)
  const commune = json.rows.find((r) => r.fieldId === 'ho-tich' && r.level === 'commune')
  assert.ok(commune)
  assert.deepEqual(rowOf(commune.fieldName)?.slice(2), formFigures(commune.figures))
  assert.deepEqual(rowOf('Cấp xã')?.slice(0, 1), ['II'])
  assert.deepEqual(rowOf('Tổng cộng')?.slice(2), formFigures(json.total))
})

test('the PDF export is landscape form II.06a whose Vietnamese text and totals survive pdftotext', {
  skip: requireTools('pdftotext', 'pdfinfo'),
}, async () => {
  const body = await download('pdf', 'application/pdf')
  const file = join(dir, 'ii06a.pdf')
  writeFileSync(file, body)
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' })
  const flat = text.replace(/\s+/g, ' ')
  assert.ok(flat.includes('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'), flat)
  assert.ok(flat.includes('Hộ tịch'), flat)
  const totalLine = text.split('\n').find((l) => l.includes('Tổng cộng'))
  assert.ok(totalLine, text)
  assert.deepEqual(totalLine.trim().split(/\s+/).slice(2).map(Number), formFigures(json.total))
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  assert.match(info, /Page size:\s+841\.89 x 595\.28/)
})
