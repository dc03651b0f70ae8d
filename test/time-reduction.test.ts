import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { DossierStatus } from '../src/domain/dossier/status.ts'
import type { DossierFacts, StepTime } from '../src/domain/kpi/facts.ts'
import type { CutCandidatesView, TimeReductionView } from '../src/http/routes/time-reduction.ts'
import { recordFacts } from '../src/store/kpi/record-facts.ts'
import { facts as kpiFacts } from './support/kpi-facts.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'

const at = (iso: string) => new Date(iso).getTime()
let n = 0

/** A dossier of Cấp Giấy xác nhận tình trạng hôn nhân (3 working days) done in May 2026 after `minutes`. */
function done(minutes: number, over: Partial<DossierFacts> = {}, steps: StepTime[] = []): DossierFacts {
  n++
  const base = kpiFacts(`TR-${n}`, {
    received: '2026-05-04T09:00',
    deadline: '2026-05-07T09:00',
    end: { kind: 'done', at: '2026-05-20T10:00' },
    online: true,
    status: DossierStatus.Returned,
    agencyId: 'xa-22333',
    fieldId: 'ho-tich',
    procedureCode: '1.004873',
    workingMinutes: minutes,
    steps,
  })
  return { ...base, ...over }
}

let t: TestApp
let monitor: Record<string, string>
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: monitor })

before(async () => {
  t = await createTestApp()
  const db = t.database.db
  await db
    .updateTable('procedure_versions')
    .set({
      statutory_time_limit: JSON.stringify({ unit: 'working_days', value: 5 }),
      reduced_by: JSON.stringify({ decisionNumber: '2500/QĐ-UBND', decisionDate: '2026-03-01' }),
    })
    .where('procedure_code', '=', '1.004873')
    .execute()
  // 0.5, 1, 1.5, 2, 3, 3, 4, 5, 6 and 10 working days at xa-22333.
  const minutes = [240, 480, 720, 960, 1440, 1440, 1920, 2400, 2880, 4800]
  await recordFacts(db, [
    ...minutes.map((m, i) =>
      done(
        m,
        {},
        i === 0
          ? [
              { name: 'Thẩm định', minutes: 1140, budgetMinutes: 1140 },
              { name: 'Phê duyệt', minutes: 360, budgetMinutes: 180 },
            ]
          : i === 1
            ? [
                { name: 'Thẩm định', minutes: 1710, budgetMinutes: 1140 },
                { name: 'Phê duyệt', minutes: 180, budgetMinutes: 180 },
              ]
            : [],
      ),
    ),
    done(480, { agencyId: 'xa-22366' }),
    done(9600, { end: { kind: 'withdrawn', at: at('2026-05-20T03:00:00Z') } }),
    done(9600, { end: { kind: 'done', at: at('2025-05-20T03:00:00Z') }, receivedAt: at('2025-05-04T02:00:00Z') }),
    done(240, {
      agencyId: 'so-tai-chinh',
      fieldId: 'thanh-lap-va-hoat-dong-cua-doanh-nghiep',
      procedureCode: '2.001583',
    }),
    done(480, {
      agencyId: 'so-tai-chinh',
      fieldId: 'thanh-lap-va-hoat-dong-cua-doanh-nghiep',
      procedureCode: '2.001583',
    }),
  ])
  monitor = await signedIn(t, { grants: [{ role: 'monitor', agencyId: 'ubnd-tinh' }] })
})

after(() => t.close())

test('the statutory limit is shown beside the local one with the provincial decision that cut it', async () => {
  const res = await get('/api/indicators/time-reduction?procedure=1.004873&from=2026-01-01&to=2026-10-31')
  const r = res.json<TimeReductionView>()
  assert.deepEqual(
    [r.statutoryLimitDays, r.configuredLimitDays, r.reducedBy],
    [5, 3, { decisionNumber: '2500/QĐ-UBND', decisionDate: '2026-03-01' }],
  )
})

test('an illustrative cut of the demo shows the statute, its source and the illustrative mark, with no decision', async () => {
  const res = await get('/api/indicators/time-reduction?procedure=1.008128&from=2026-01-01&to=2026-10-31')
  assert.equal(res.statusCode, 200, res.body)
  const r = res.json<TimeReductionView>()
  assert.deepEqual(
    [r.statutoryLimitDays, r.configuredLimitDays, r.reductionIllustrative, r.reducedBy],
    [15, 10, true, null],
  )
  assert.match(r.statutorySource ?? '', /^Cơ sở dữ liệu quốc gia về thủ tục hành chính, bản ghi 1\.008128 /)
})

test('one agency: median, nearest-rank p90 and what-if shares of its done dossiers in the window', async () => {
  const res = await get(
    '/api/indicators/time-reduction?procedure=1.004873&agency=xa-22333&from=2026-01-01&to=2026-10-31&cutTo=4',
  )
  assert.equal(res.statusCode, 200, res.body)
  const r = res.json<TimeReductionView>()
  assert.deepEqual(r.configuredLimit, { unit: 'working_days', value: 3 })
  assert.deepEqual(r.statutoryLimit, { unit: 'working_days', value: 5 })
  assert.equal(r.statutoryLimitDays, 5)
  // Withdrawn and last year's dossiers are left out: ten remain.
  assert.equal(r.count, 10)
  assert.equal(r.meanDays, 3.6)
  assert.equal(r.medianDays, 3)
  assert.equal(r.p90Days, 6)
  // Candidates: 3 × 1/3 = 1, 3 × 1/2 = 1.5 → 2, 3 × 2/3 = 2, the configured 3 and the asked 4.
  assert.deepEqual(r.whatIf, [
    { limitDays: 1, share: 0.2 },
    { limitDays: 2, share: 0.4 },
    { limitDays: 3, share: 0.6 },
    { limitDays: 4, share: 0.7 },
  ])
  assert.deepEqual(
    r.histogram.map((b) => b.count),
    [2, 2, 2, 1, 1, 1, 0, 0, 0, 1],
  )
  // Thẩm định overruns by (0 + 0.5) / 2 = 0.25 on average, Phê duyệt by (1 + 0) / 2 = 0.5.
  assert.deepEqual(r.longestStep, {
    name: 'Phê duyệt',
    dossiers: 2,
    meanMinutes: 270,
    meanBudgetMinutes: 180,
    meanOverrun: 0.5,
  })
})

test('the default window is the 365 days before today and takes in every agency', async () => {
  const res = await get('/api/indicators/time-reduction?procedure=1.004873')
  assert.equal(res.statusCode, 200, res.body)
  const r = res.json<TimeReductionView>()
  assert.deepEqual(r.window, { from: '2025-11-26', to: '2026-11-25' })
  assert.equal(r.agencyId, null)
  assert.equal(r.count, 11)
  // Eleven dossiers: rank ⌈0.9 × 11⌉ = 10 → 6 working days; the median is the sixth, 3 days.
  assert.equal(r.p90Days, 6)
  assert.equal(r.medianDays, 3)
})

test('an unknown procedure or agency is a 404 problem in Vietnamese and English', async () => {
  const res = await get('/api/indicators/time-reduction?procedure=9.999999')
  assert.equal(res.statusCode, 404)
  const body = res.json<{ type: string; title: string; en: { title: string } }>()
  assert.equal(body.type, 'urn:motcua:problem:procedureNotFound')
  assert.ok(body.title.length > 0 && body.en.title.length > 0)
  const agency = await get('/api/indicators/time-reduction?procedure=1.004873&agency=khong-co')
  assert.equal(agency.statusCode, 404)
  assert.equal(agency.json<{ type: string }>().type, 'urn:motcua:problem:agencyNotFound')
})

test('candidates list the busiest procedures with their p90 and a cut where p90 is below the limit', async () => {
  const res = await get('/api/indicators/time-reduction/candidates?from=2026-01-01&to=2026-10-31')
  assert.equal(res.statusCode, 200, res.body)
  const { rows } = res.json<CutCandidatesView>()
  assert.deepEqual(
    rows.map((r) => [r.procedure, r.count, r.p90Days, r.shareWithinConfigured, r.suggestedLimitDays]),
    [
      // 7 of 11 within 3 days; p90 of 6 days is above the limit: nothing to cut.
      ['1.004873', 11, 6, 0.64, null],
      // Both done within a day against 3: p90 of 1 day suggests cutting to 1.
      ['2.001583', 2, 1, 1, 1],
    ],
  )
})
