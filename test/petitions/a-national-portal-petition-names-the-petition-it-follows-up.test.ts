import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { readInboundPetition } from '../../src/adapters/national-portal/inbound-petition.ts'
import { receivePortalPetition } from '../../src/app/petitions/receive-portal-petition.ts'
import { workingDaysFromDatabase } from '../../src/store/calendar/working-days-cache.ts'
import { agencyCalendars } from '../../src/store/dossiers/agency-calendars.ts'
import { inboundPetition } from '../support/inbound-petitions.ts'
import { createTestApp, fixedNow, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { answeredPetition } from './follow-up-http.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(async () => t.close())

const receive = (body: Record<string, unknown>) => {
  const read = readInboundPetition(body)
  assert.ok(read.ok, JSON.stringify(read))
  const db = t.database.db
  return receivePortalPetition(
    { db, calendars: agencyCalendars(db, workingDaysFromDatabase(db)), now: () => fixedNow },
    read.petition,
  )
}

test(`a national-portal petition follows up the petition its MaPAKNTruocDo names (assumed field), and one naming no petition is kept as refused on ${engineName}`, async () => {
  const earlier = await answeredPetition(t)
  const outcome = await receive(inboundPetition({ MaPAKNTruocDo: earlier.code }))
  assert.equal(outcome.kind === 'received' && outcome.petition.followsUp, earlier.code)
  const unknown = inboundPetition({ MaPAKNTruocDo: 'PAKN.20261126.9999' })
  assert.deepEqual(await receive(unknown), { kind: 'earlierNotFound' })
  const kept = await t.database.db
    .selectFrom('portal_petition_refusals')
    .select('reason')
    .where('portal_id', '=', unknown.MaPAKNQuocGia)
    .execute()
  assert.deepEqual(kept, [{ reason: 'unknown-earlier-petition' }])
})
