import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { PetitionView, PublishedPetition } from '../../src/http/schemas/petition-view.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { command, submit } from './petition-http.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(async () => t.close())

test(`a petition is received, routed to the responsible agency, answered and published with consent (Decree 20/2008 Art. 9, 14, 19) on ${engineName}`, async () => {
  const sent = await submit(t, {})
  assert.equal(sent.statusCode, 201, sent.body)
  const received = sent.json<PetitionView>()
  assert.match(received.code, /^PAKN\.20261126\.\d{4}$/)
  assert.equal(received.channel, 'portal')
  assert.equal(received.dueAt, '2026-12-17T10:00:00+07:00')

  const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  const queue = await t.app.inject({ method: 'GET', url: '/api/petitions/queue', headers: counter })
  const mine = queue.json<{ items: PetitionView[] }>().items.find((p) => p.code === received.code)
  assert.ok(mine?.availableActions.includes('assign'), queue.body)

  const routed = await command(t, counter, received.code, 'assignment', { agencyId: 'xa-22333', expectedVersion: 1 })
  assert.equal(routed.statusCode, 200, routed.body)
  assert.equal(routed.json<PetitionView>().agencyId, 'xa-22333')

  const specialist = await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }] })
  const answered = await command(t, specialist, received.code, 'answer', {
    answer: 'UBND xã đã nhắc nhở cán bộ và trả kết quả.',
  })
  assert.equal(answered.statusCode, 200, answered.body)
  assert.equal(answered.json<PetitionView>().status, 'answered')

  const list = await t.app.inject({ method: 'GET', url: '/api/petitions/published?q=hen tra cham' })
  assert.equal(list.statusCode, 200, list.body)
  const item = list.json<{ items: PublishedPetition[] }>().items.find((p) => p.code === received.code)
  assert.equal(item?.answer, 'UBND xã đã nhắc nhở cán bộ và trả kết quả.')
  assert.equal(JSON.stringify(item).includes('0905111222'), false, 'no personal data on the public list')

  const audit = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject', '=', `petition:${received.code}`)
    .orderBy('id')
    .execute()
  assert.deepEqual(
    audit.map((a) => a.action),
    ['petition.received', 'petition.assigned', 'petition.answered'],
  )
})
