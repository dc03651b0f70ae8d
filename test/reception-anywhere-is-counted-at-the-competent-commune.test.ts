import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { declarationFor } from './support/declaration-samples.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

// Decree 118/2025/NĐ-CP: a procedure listed for reception regardless of administrative boundaries
// (here certification of copies, 2.000815, anyLocation in the demo catalogue) is received at any
// one-stop unit of the province; the competent commune decides it and the indicators count it there.
// An unlisted commune procedure (birth registration, 1.001193) is filed at its own commune's unit.

const walkIn = (code: string, receivingAgencyId: string, extra: object = {}) => ({
  procedureCode: code,
  receivingAgencyId,
  channel: 1,
  applicant: {
    id: 'x',
    kind: 'citizen',
    name: 'Trần Thị Mai',
    identityNumber: '056190000123',
    phone: null,
    email: null,
    address: null,
  },
  components: [],
  ...declarationFor(code),
  ...extra,
})

describe(`reception anywhere in the province on ${engineName}`, () => {
  let t: TestApp
  let provincialCounter: Record<string, string>
  let communeCounter: Record<string, string>
  before(async () => {
    t = await createTestApp()
    provincialCounter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-tinh' }] })
    communeCounter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  })
  after(() => t.close())

  const post = (headers: Record<string, string>, body: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...headers, 'idempotency-key': randomUUID() },
      payload: body,
    })
  const dossierCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('dossiers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  test('the provincial centre receives a listed commune procedure for the commune chosen; it is processed and counted there', async () => {
    const res = await post(provincialCounter, walkIn('2.000815', 'ttpvhcc-tinh', { competentAgencyId: 'xa-22366' }))
    assert.equal(res.statusCode, 201, res.body)
    const d = res.json<DossierView>()
    assert.equal(d.receivingAgencyId, 'ttpvhcc-tinh')
    assert.equal(d.processingAgencyId, 'xa-22366')
    assert.equal(d.competentAgencyId, 'xa-22366')
    const facts = await t.database.db
      .selectFrom('kpi_dossiers')
      .select('agency_id')
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow()
    assert.equal(facts.agency_id, 'xa-22366')
  })

  test('another commune’s unit receives it too; without a choice the receiving unit’s own commune decides', async () => {
    const chosen = await post(communeCounter, walkIn('2.000815', 'ttpvhcc-22333', { competentAgencyId: 'xa-22366' }))
    assert.equal(chosen.statusCode, 201, chosen.body)
    assert.equal(chosen.json<DossierView>().processingAgencyId, 'xa-22366')
    const own = await post(communeCounter, walkIn('2.000815', 'ttpvhcc-22333'))
    assert.equal(own.statusCode, 201, own.body)
    assert.equal(own.json<DossierView>().processingAgencyId, 'xa-22333')
  })

  test('at the provincial centre a commune procedure without a chosen commune is refused, and nothing is written', async () => {
    const before = await dossierCount()
    const res = await post(provincialCounter, walkIn('2.000815', 'ttpvhcc-tinh'))
    assert.equal(res.statusCode, 422)
    assert.equal(res.json<{ type: string }>().type, 'urn:motcua:problem:refused:competentAgencyRequired')
    assert.equal(await dossierCount(), before)
  })

  test('an unlisted procedure received for another commune is refused with a Vietnamese and English reason', async () => {
    const before = await dossierCount()
    const res = await post(communeCounter, walkIn('1.001193', 'ttpvhcc-22333', { competentAgencyId: 'xa-22366' }))
    assert.equal(res.statusCode, 422, res.body)
    const body = res.json<{ type: string; detail: string; en: { detail: string } }>()
    assert.equal(body.type, 'urn:motcua:problem:refused:notCompetentHere')
    assert.match(body.detail, /không phụ thuộc địa giới hành chính/)
    assert.match(body.en.detail, /regardless of address/)
    assert.equal(await dossierCount(), before)
  })
})
