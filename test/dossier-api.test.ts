import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { Problem } from '../src/http/problem.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { declarationFor } from './support/declaration-samples.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

const newDossier = {
  procedureCode: '1.001193',
  ...declarationFor('1.001193'),
  receivingAgencyId: 'ttpvhcc-22333',
  channel: 2,
  applicant: {
    id: 'cd-100',
    kind: 'citizen',
    name: 'Nguyễn Thị Lan',
    identityNumber: '056190000001',
    phone: '0905000001',
    email: null,
    address: null,
  },
  components: [{ name: 'Tờ khai đăng ký khai sinh', fileRef: null }],
}

describe(`dossiers over HTTP on ${engineName}`, () => {
  let t: TestApp
  let citizen: Record<string, string>
  let otherCitizen: Record<string, string>
  let counter: Record<string, string>
  let leader: Record<string, string>
  let specialist: Record<string, string>
  before(async () => {
    t = await createTestApp()
    citizen = await signedIn(t, { citizen: { identityNumber: '056190000001', name: 'Nguyễn Thị Lan' } })
    otherCitizen = await signedIn(t, { citizen: { identityNumber: '056190000002', name: 'Trần Văn Bình' } })
    counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }], name: 'Lê Thu Hà' })
    leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] })
    specialist = await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }] })
  })
  after(async () => t.close())

  const post = (
    url: string,
    actor: Record<string, string> | null,
    payload: object,
    key: string | null = randomUUID(),
  ) =>
    t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...(actor ?? {}), ...(key ? { 'idempotency-key': key } : {}) },
    })
  const submit = async () => {
    const res = await post('/api/dossiers', citizen, newDossier)
    assert.equal(res.statusCode, 201, res.body)
    return res.json<DossierView>()
  }

  test('a citizen submits online: status 1, no code yet, and may only reuse vault documents or withdraw', async () => {
    const d = await submit()
    assert.equal(d.status, 1)
    assert.equal(d.code, null)
    assert.deepEqual(d.availableActions, ['reuse-component', 'withdraw', 'attach-file'])
  })

  test('the answer to a command is the view a later read gives, for each role of the caller', async () => {
    const both = await signedIn(t, {
      grants: [
        { role: 'counter_officer', agencyId: 'ttpvhcc-22333' },
        { role: 'leader', agencyId: 'xa-22333' },
      ],
    })
    const d = await submit()
    let answer = (
      await post(`/api/dossiers/${d.id}/reception`, both, { expectedVersion: d.version })
    ).json<DossierView>()
    answer = (
      await post(`/api/dossiers/${d.id}/transfer`, both, { expectedVersion: answer.version })
    ).json<DossierView>()
    const read = await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}`, headers: both })
    assert.equal(answer.timeline.length, 3)
    assert.ok(answer.availableActions.includes('assign'))
    assert.deepEqual(answer, read.json<DossierView>())
  })

  test('the counter receives: code, appointment with +07:00, control sheet row, and the next actions', async () => {
    const d = await submit()
    const res = await post(`/api/dossiers/${d.id}/reception`, counter, { expectedVersion: d.version })
    assert.equal(res.statusCode, 200, res.body)
    const received = res.json<DossierView>()
    assert.match(received.code ?? '', /^333\.00\.01\.H34-\d{6}-\d{4}$/)
    assert.match(received.deadlines.appointmentAt ?? '', /\+07:00$/)
    assert.equal(received.controlSheet[0]?.phase, 'reception')
    assert.ok(received.availableActions.includes('transfer'))
    const byCode = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${received.code}`,
      headers: leader,
    })
    assert.equal(byCode.json<DossierView>().id, d.id)
  })

  test('a refused command is 422 with the rule in Vietnamese and English, and changes nothing', async () => {
    const d = await submit()
    const res = await post(`/api/dossiers/${d.id}/approval`, counter, { expectedVersion: d.version })
    assert.equal(res.statusCode, 422)
    const body = res.json<Problem>()
    assert.equal(body.type, 'urn:motcua:problem:refused:notAllowed')
    assert.ok(body.detail && body.en.detail && body.detail !== body.en.detail)
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}`,
      headers: citizen,
    })
    assert.equal(again.json<DossierView>().version, d.version)
  })

  test('a stale version is 409; a missing idempotency key 400; no actor 401; another citizen’s dossier 403', async () => {
    const d = await submit()
    assert.equal(
      (await post(`/api/dossiers/${d.id}/reception`, counter, { expectedVersion: d.version + 3 })).statusCode,
      409,
    )
    assert.equal(
      (await post(`/api/dossiers/${d.id}/reception`, counter, { expectedVersion: d.version }, null)).statusCode,
      400,
    )
    assert.equal((await post(`/api/dossiers/${d.id}/reception`, null, { expectedVersion: d.version })).statusCode, 401)
    const peek = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}`,
      headers: otherCitizen,
    })
    assert.equal(peek.statusCode, 403)
    assert.equal((await post('/api/dossiers', citizen, { ...newDossier, channel: 9 })).statusCode, 400)
  })

  test('the same idempotency key twice returns the same dossier version, not a second event', async () => {
    const d = await submit()
    const key = randomUUID()
    const first = await post(`/api/dossiers/${d.id}/reception`, counter, { expectedVersion: d.version }, key)
    const retry = await post(`/api/dossiers/${d.id}/reception`, counter, { expectedVersion: d.version }, key)
    assert.equal(retry.statusCode, 200)
    assert.equal(retry.json<DossierView>().code, first.json<DossierView>().code)
    assert.equal(retry.json<DossierView>().timeline.length, 2)
  })

  test('queues: the specialist sees the transferred dossier, most urgent first, with a mark', async () => {
    const d = await submit()
    const received = (
      await post(`/api/dossiers/${d.id}/reception`, counter, { expectedVersion: d.version })
    ).json<DossierView>()
    await post(`/api/dossiers/${d.id}/transfer`, counter, { expectedVersion: received.version })
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/queues/specialist',
      headers: specialist,
    })
    assert.equal(res.statusCode, 200, res.body)
    const { items } = res.json<{ items: { id: string; dueAt: string | null; urgency: string }[] }>()
    assert.ok(items.some((i) => i.id === d.id))
    const dues = items.map((i) => i.dueAt ?? '')
    assert.deepEqual(dues, [...dues].sort())
    assert.ok(items.every((i) => ['late', 'due_soon', 'on_track'].includes(i.urgency)))
    const wrongRole = await t.app.inject({
      method: 'GET',
      url: '/api/queues/leader',
      headers: specialist,
    })
    assert.equal(wrongRole.statusCode, 403)
  })

  test('a citizen lists their own dossiers, not anyone else’s', async () => {
    const d = await submit()
    const mine = await t.app.inject({ method: 'GET', url: '/api/my-dossiers', headers: citizen })
    assert.ok(mine.json<{ items: { id: string }[] }>().items.some((i) => i.id === d.id))
    const theirs = await t.app.inject({ method: 'GET', url: '/api/my-dossiers', headers: otherCitizen })
    assert.ok(!theirs.json<{ items: { id: string }[] }>().items.some((i) => i.id === d.id))
  })

  test('every command has its own endpoint in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>
    }>()
    for (const path of [
      '/api/dossiers',
      '/api/dossiers/{ref}',
      '/api/dossiers/{ref}/supplement-requests',
      '/api/dossiers/{ref}/apologies',
      '/api/queues/{role}',
    ])
      assert.ok(doc.paths[path], path)
  })
})
