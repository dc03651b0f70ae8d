import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import type { Declaration } from '../src/domain/declarations/form-definition.ts'
import { DeclarationValidators } from '../src/domain/declarations/validate-declaration.ts'
import type { Applicant } from '../src/domain/dossier/events.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { procedureForm } from '../src/store/catalog/procedure-forms.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { seedDossiers, seededRandom } from '../src/store/dossiers/seed-dossiers.ts'
import { verifyChains } from '../src/store/dossiers/verify-chain.ts'
import { migrate } from '../src/store/migrate.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

const counts = async (database: OpenDatabase) => {
  type Counts = {
    agencies: number
    names: number
    procedures: number
    versions: number
    steps: number
    dossiers: number
    events: number
  }
  const row = await sql<Counts>`SELECT
    (SELECT count(*) FROM agencies) AS agencies, (SELECT count(*) FROM agency_names) AS names,
    (SELECT count(*) FROM procedures) AS procedures, (SELECT count(*) FROM procedure_versions) AS versions,
    (SELECT count(*) FROM procedure_steps) AS steps, (SELECT count(*) FROM dossiers) AS dossiers,
    (SELECT count(*) FROM dossier_events) AS events`.execute(database.db)
  return row.rows[0] as Counts
}

describe(`migrations and seeding on ${engineName}`, () => {
  let database: OpenDatabase
  before(async () => {
    database = await createTestDatabase()
  })
  after(async () => database.close())

  test('migrating and loading the catalogue again changes nothing and duplicates nothing', async () => {
    const before = await counts(database)
    assert.deepEqual(await migrate(database.db), [])
    await loadCatalogFile(database.db)
    assert.deepEqual(await counts(database), before)
  })

  test('the normalised search column strips Vietnamese diacritics, đ included', async () => {
    const row = await sql<{ n: string }>`SELECT search_normalize('Đăng ký Giấy phép XÂY DỰNG') AS n`.execute(
      database.db,
    )
    assert.equal(row.rows[0]?.n, 'dang ky giay phep xay dung')
  })

  test('seeding drives N dossiers through the engine to a spread of stages, with valid hash chains', async () => {
    const before = await counts(database)
    const added = await seedDossiers(database.db, {
      count: 120,
      now: new Date('2026-11-26T03:00:00Z'),
      random: seededRandom(7),
      workingDays: workingDaysFromDatabase(database.db),
    })
    const after = await counts(database)
    assert.equal(added, 120)
    assert.equal(after.dossiers - before.dossiers, 120)
    assert.ok(after.events - before.events > 120 * 2, 'dossiers go through several commands')
    const statuses = await sql<{ status: number }>`SELECT DISTINCT status FROM dossiers ORDER BY status`.execute(
      database.db,
    )
    assert.ok(statuses.rows.length >= 6, `a spread of statuses: ${JSON.stringify(statuses.rows)}`)
    assert.equal((await verifyChains(database.db)).broken, null)
    const orphans = await sql<{ n: number }>`SELECT count(*) AS n FROM dossiers d
      WHERE NOT EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id)`.execute(database.db)
    assert.equal(orphans.rows[0]?.n, 0)
  })

  test('each seeded dossier declares its form’s example in its applicant’s name, and the validator accepts it', async () => {
    type Submitted = { applicant: Applicant; procedure: { code: string; version: number }; declaration?: Declaration }
    const rows = await sql<{ payload: Submitted }>`SELECT payload FROM dossier_events WHERE type = 'submitted'`.execute(
      database.db,
    )
    assert.ok(rows.rows.length >= 120)
    const validators = new DeclarationValidators()
    const refused: unknown[] = []
    for (const { payload } of rows.rows) {
      const form = await procedureForm(database.db, payload.procedure.code, payload.procedure.version)
      assert.ok(form && payload.declaration, `${payload.procedure.code} has a form and the dossier a declaration`)
      assert.equal(payload.declaration.formVersion, form.version)
      assert.ok(
        JSON.stringify(payload.declaration.data).includes(`:${JSON.stringify(payload.applicant.name)}`),
        `${payload.procedure.code}: the declaration names ${payload.applicant.name}`,
      )
      const key = `${payload.procedure.code}@${payload.procedure.version}#${form.version}`
      const verdict = validators.validate(key, form, payload.declaration.data, '2026-11-26')
      if (!verdict.ok) refused.push([payload.procedure.code, verdict.errors])
    }
    assert.deepEqual(refused, [])
  })

  test('a commune procedure is received at a commune service centre, a provincial one at the provincial centre', async () => {
    const wrong = await sql<{ n: number }>`SELECT count(*) AS n FROM dossiers d
      JOIN procedure_versions v ON v.procedure_code = d.procedure_code AND v.version = d.procedure_version
      JOIN agencies a ON a.id = d.receiving_agency_id
      WHERE (v.level = 'commune') <> (a.kind = 'commune_service_center')`.execute(database.db)
    assert.equal(wrong.rows[0]?.n, 0)
  })
})
