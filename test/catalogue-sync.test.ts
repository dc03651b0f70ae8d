import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { catalogueClient } from '../src/adapters/national-portal/catalogue-client.ts'
import { syncCatalogue } from '../src/app/catalogue/sync-catalogue.ts'
import { approveChangeSet, changeSet, rejectChangeSet } from '../src/store/catalog/change-sets.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { provinceOverview } from '../src/store/kpi/indicator-report.ts'
import {
  type FakeNationalCatalogue,
  recordFromDemo,
  startFakeNationalCatalogue,
} from './support/fake-national-catalogue.ts'
import { createTestDatabase } from './support/test-database.ts'

const now = new Date('2026-11-26T03:00:00Z')
const admin = { by: 'Quản trị tỉnh (admin-1)', at: now }

async function sync(db: OpenDatabase['db'], fake: FakeNationalCatalogue) {
  const client = catalogueClient({ baseUrl: fake.baseUrl, apiKey: fake.apiKey, pageSize: 2 })
  return syncCatalogue(db, {
    client,
    sourceUrl: fake.baseUrl,
    by: admin.by,
    now,
    today: '2026-11-26',
    retryDelayMs: 10,
  })
}

const versionsOf = (db: OpenDatabase['db'], code: string) =>
  db
    .selectFrom('procedure_versions')
    .select([
      'version',
      'effective_from',
      'effective_to',
      'competent_agency_id',
      'time_limit',
      'reduced_by',
      'statutory_time_limit',
      'statutory_source',
      'publication',
      'local_review',
    ])
    .where('procedure_code', '=', code)
    .orderBy('version')
    .execute()

describe('a sync run', () => {
  let database: OpenDatabase
  let fake: FakeNationalCatalogue
  before(async () => {
    database = await createTestDatabase()
    fake = await startFakeNationalCatalogue()
  })
  after(async () => {
    await fake.close()
    await database.close()
  })

  test('reads every page, tries a page again after a 5xx, and lists the new, changed and repealed procedures', async () => {
    fake.failNext(1)
    const result = await sync(database.db, fake)
    const set = await changeSet(database.db, result.changeSetId)
    assert.deepEqual(
      set?.items.map((i) => [i.kind, i.code]),
      [
        ['repealed', '1.000656'],
        ['changed', '1.001193'],
        ['new', '1.099001'],
      ],
    )
    assert.deepEqual(
      fake.requests.map((r) => r.status),
      [503, 200, 200],
    )
  })

  test('reports the malformed record with why, and imports nothing of it', async () => {
    const result = await sync(database.db, fake)
    const set = await changeSet(database.db, result.changeSetId)
    assert.deepEqual(
      set?.badRecords.map((b) => b.code),
      ['1.099999'],
    )
    assert.ok(!set?.items.some((i) => i.code === '1.099999'))
  })

  test('changes nothing in the catalogue until approved', async () => {
    await sync(database.db, fake)
    assert.deepEqual(
      (await versionsOf(database.db, '1.001193')).map((v) => [v.version, v.effective_to]),
      [[1, null]],
    )
  })
})

describe('approving a change set', () => {
  let database: OpenDatabase
  let fake: FakeNationalCatalogue
  let id: number
  before(async () => {
    database = await createTestDatabase()
    fake = await startFakeNationalCatalogue()
    // Local configuration before the sync: the unit performing it and the province's reduced limit.
    await database.db
      .updateTable('procedure_versions')
      .set({
        competent_agency_id: 'xa-22333',
        time_limit: JSON.stringify({ unit: 'working_hours', value: 4 }),
        reduced_by: JSON.stringify({ decisionNumber: '2500/QĐ-UBND', decisionDate: '2026-03-01' }),
      })
      .where('procedure_code', '=', '1.001193')
      .execute()
    id = (await sync(database.db, fake)).changeSetId
    const outcome = await approveChangeSet(database.db, id, '2026-11-27', admin)
    assert.equal(outcome.ok, true, JSON.stringify(outcome))
  })
  after(async () => {
    await fake.close()
    await database.close()
  })

  test('a changed procedure gets a new version from the chosen date and the previous one ends the day before', async () => {
    assert.deepEqual(
      (await versionsOf(database.db, '1.001193')).map((v) => [v.version, v.effective_from, v.effective_to]),
      [
        [1, '2025-07-01', '2026-11-26'],
        [2, '2026-11-27', null],
      ],
    )
  })

  test('the new version carries the statutory limit and the publication data', async () => {
    const v2 = (await versionsOf(database.db, '1.001193'))[1]
    assert.deepEqual(v2?.statutory_time_limit, { unit: 'within_day' })
    assert.equal(v2?.publication?.decisionNumber, '163/QĐ-BTP')
  })

  test('the new version cites the national record its statutory limit was read from', async () => {
    const v2 = (await versionsOf(database.db, '1.001193'))[1]
    assert.equal(
      v2?.statutory_source,
      'Cơ sở dữ liệu quốc gia về thủ tục hành chính, bản ghi 1.001193 (https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193); quyết định công bố 163/QĐ-BTP ngày 20/06/2025',
    )
  })

  test('the unit performing it and the reduced limit with its decision survive the sync', async () => {
    const v2 = (await versionsOf(database.db, '1.001193'))[1]
    assert.deepEqual(
      [v2?.competent_agency_id, v2?.time_limit, v2?.reduced_by],
      ['xa-22333', { unit: 'working_hours', value: 4 }, { decisionNumber: '2500/QĐ-UBND', decisionDate: '2026-03-01' }],
    )
  })

  test('the new version keeps the previous version’s steps and form', async () => {
    const count = async (table: 'procedure_steps' | 'procedure_forms', version: number) =>
      (
        await database.db
          .selectFrom(table)
          .select('version')
          .where('procedure_code', '=', '1.001193')
          .where('version', '=', version)
          .execute()
      ).length
    assert.deepEqual(
      [await count('procedure_steps', 2), await count('procedure_forms', 2)],
      [await count('procedure_steps', 1), await count('procedure_forms', 1)],
    )
  })

  test('a new procedure gets version 1 with its local settings defaulted and flagged', async () => {
    const [v1] = await versionsOf(database.db, '1.099001')
    assert.equal(v1?.effective_from, '2026-11-27')
    assert.ok(
      v1?.local_review.some((r) => r.startsWith('competentAgency')),
      String(v1?.local_review),
    )
  })

  test('a repealed procedure ends the day before the chosen date', async () => {
    assert.deepEqual(
      (await versionsOf(database.db, '1.000656')).map((v) => v.effective_to),
      ['2026-11-26'],
    )
  })

  test('is audited with the versions it wrote', async () => {
    const entry = await database.db
      .selectFrom('audit_log')
      .select(['actor', 'after'])
      .where('action', '=', 'catalogue-change-set.approved')
      .executeTakeFirst()
    assert.deepEqual((entry?.after as { versions: unknown } | undefined)?.versions, [
      { code: '1.001193', version: 2 },
      { code: '1.099001', version: 1 },
    ])
  })

  test('indicators 1.1–1.3 are computed from the synced publication data', async () => {
    // Published in the window: birth registration (decided 20/06/2025, 5 working days before its legal
    // basis took effect, made public 24/06/2025) and the new procedure (decided 10/11/2026, after its
    // legal basis took effect: late; made public two days later). Both have every component.
    const { index766 } = await provinceOverview(database.db, {
      from: '2025-06-01',
      to: '2026-11-26',
      today: '2026-11-26',
    })
    assert.deepEqual(
      ['1.1', '1.2', '1.3'].map((id) => index766.indicators[id]?.ratio),
      [0.5, 1, 1],
    )
  })

  test('a second decision on the same change set is refused', async () => {
    assert.deepEqual(await rejectChangeSet(database.db, id, admin), { ok: false, why: 'decided' })
  })
})

describe('a change set computed before another was approved', () => {
  let database: OpenDatabase
  let fake: FakeNationalCatalogue
  before(async () => {
    database = await createTestDatabase()
    fake = await startFakeNationalCatalogue()
  })
  after(async () => {
    await fake.close()
    await database.close()
  })

  test('is refused as stale and writes nothing', async () => {
    const older = (await sync(database.db, fake)).changeSetId
    const newer = (await sync(database.db, fake)).changeSetId
    assert.equal((await approveChangeSet(database.db, newer, '2026-11-27', admin)).ok, true)
    const before = await versionsOf(database.db, '1.001193')
    assert.deepEqual(await approveChangeSet(database.db, older, '2026-11-28', admin), { ok: false, why: 'stale' })
    assert.deepEqual(await versionsOf(database.db, '1.001193'), before)
  })

  test('a date on or before the version it replaces began is refused and writes nothing', async () => {
    fake.records = [recordFromDemo('1.000894', { TenTTHC: 'Thủ tục đăng ký kết hôn (sửa đổi)' })]
    const id = (await sync(database.db, fake)).changeSetId
    const outcome = await approveChangeSet(database.db, id, '2025-07-01', admin)
    assert.deepEqual(outcome, { ok: false, why: 'starts_too_early', code: '1.000894', versionStarts: '2025-07-01' })
    assert.equal((await changeSet(database.db, id))?.status, 'pending')
  })
})
