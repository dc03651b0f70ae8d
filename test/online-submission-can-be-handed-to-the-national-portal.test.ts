import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { onlineBirthRegistration } from './support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

// Decree 118/2025/NĐ-CP: from 1 July 2025 the National Public Service Portal is the single online
// entry; a province may keep its own online form beside it or hand online submission over to it.
// The procedure page links to the national submission page; the counter receives either way.

const template = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}'

describe(`online submission handed to the national portal on ${engineName}`, () => {
  let handedOver: TestApp
  let beside: TestApp
  before(async () => {
    handedOver = await createTestApp({
      onlineEntry: { nationalSubmissionUrl: template, localOnlineSubmission: false },
    })
    beside = await createTestApp({ onlineEntry: { nationalSubmissionUrl: template, localOnlineSubmission: true } })
  })
  after(async () => {
    await handedOver?.close()
    await beside?.close()
  })

  test('the procedure names its national submission page and whether the local form is open', async () => {
    const res = await handedOver.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json().onlineEntry, {
      nationalSubmissionUrl:
        'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193',
      localOnlineSubmission: false,
    })
  })

  test('a citizen’s online submission is refused with a vi/en problem and nothing is written', async () => {
    const citizen = await signedIn(handedOver, { citizen: { identityNumber: '056111000009', name: 'Lê Thị Hoa' } })
    const before = await handedOver.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const res = await handedOver.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...citizen, 'idempotency-key': randomUUID() },
      payload: onlineBirthRegistration(),
    })
    assert.equal(res.statusCode, 409, res.body)
    const body = res.json()
    assert.equal(body.type, 'urn:motcua:problem:onlineAtNationalPortal')
    assert.match(body.title, /Cổng Dịch vụ công quốc gia/)
    assert.match(body.en.title, /National Public Service Portal/)
    const afterCount = await handedOver.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(Number(afterCount.n), Number(before.n))
  })

  test('the counter still receives a walk-in', async () => {
    const counter = await signedIn(handedOver, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const res = await handedOver.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...counter, 'idempotency-key': randomUUID() },
      payload: { ...onlineBirthRegistration(), channel: 1 },
    })
    assert.equal(res.statusCode, 201, res.body)
  })

  test('with the local form kept beside the national portal, a citizen submits online here', async () => {
    const citizen = await signedIn(beside, { citizen: { identityNumber: '056111000010', name: 'Trần Văn Bình' } })
    const res = await beside.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...citizen, 'idempotency-key': randomUUID() },
      payload: onlineBirthRegistration(),
    })
    assert.equal(res.statusCode, 201, res.body)
  })
})
