import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { receiveFromNationalPortal } from '../../src/app/petitions/receive-from-national-portal.ts'
import { workingDaysFromDatabase } from '../../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../../src/store/database.ts'
import { agencyCalendars } from '../../src/store/dossiers/agency-calendars.ts'
import { fixedNow } from '../support/test-app.ts'
import { createTestDatabase, engineName } from '../support/test-database.ts'

let database: OpenDatabase
before(async () => {
  database = await createTestDatabase()
})
after(async () => database.close())

test(`a petition from the national portal is received once per portal id, with a motcua PAKN code (issue 16 §3) on ${engineName}`, async () => {
  const db = database.db
  const deps = { db, calendars: agencyCalendars(db, workingDaysFromDatabase(db)), now: () => fixedNow }
  const record = {
    portalId: 'DVCQG-PAKN-000123',
    receivingAgencyId: 'xa-22333',
    category: null,
    title: 'Thủ tục chứng thực yêu cầu giấy tờ không có trong quy định',
    content: 'Cán bộ yêu cầu nộp thêm giấy xác nhận cư trú.',
    petitioner: { name: 'Phạm Văn Cường', phone: null, email: 'cuong@example.vn', address: null },
    consentToPublish: false,
    dossierCode: null,
  }
  const first = await receiveFromNationalPortal(deps, record)
  const again = await receiveFromNationalPortal(deps, record)
  assert.equal(first.kind, 'received')
  assert.equal(again.kind, 'received')
  assert.ok(first.kind === 'received' && again.kind === 'received')
  assert.equal(first.petition.channel, 'national-portal')
  assert.equal(again.petition.code, first.petition.code)
  assert.equal(again.duplicate, true)
  const rows = await db.selectFrom('petitions').select('code').execute()
  assert.equal(rows.length, 1)
})
