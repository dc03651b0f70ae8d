import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { inboundPetition } from '../support/inbound-petitions.ts'
import { type PushSetup, startPushSetup } from '../support/inbound-push.ts'
import { engineName } from '../support/test-database.ts'

/**
 * Issue 16 §3: a petition sent on the national portal and pushed by the platform (authenticated as
 * inbound dossiers are) is one petition in motcua however often and in whatever order it arrives;
 * a repeat answers the same PAKN code (rules.md "Petitions", from the national portal).
 */
describe(`a pushed national-portal petition is received once on ${engineName}`, () => {
  let setup: PushSetup
  before(async () => {
    setup = await startPushSetup()
  })
  after(() => setup.close())

  const push = (body: object) => setup.push('/api/portal/inbound-petitions', body)
  const petitionsOf = (portalId: string) =>
    setup.t.database.db
      .selectFrom('petitions')
      .select(['code', 'channel'])
      .where('external_id', '=', portalId)
      .execute()

  test('pushed twice: received the first time, the repeat answers the same PAKN code', async () => {
    const petition = inboundPetition()
    const first = await push(petition)
    assert.equal(first.statusCode, 201, first.body)
    const code = first.json<{ MaPAKN: string }>().MaPAKN
    const again = await push(petition)
    assert.equal(again.statusCode, 200, again.body)
    assert.deepEqual(again.json(), { MaPAKNQuocGia: petition.MaPAKNQuocGia, MaPAKN: code, KetQua: 'da_ton_tai' })
    assert.deepEqual(await petitionsOf(petition.MaPAKNQuocGia), [{ code, channel: 'national-portal' }])
  })

  test('the platform’s queue with duplicates and out of order gives one petition per portal id', async () => {
    const [a, b, c] = [inboundPetition(), inboundPetition(), inboundPetition()] as const
    setup.portal.inbound.petitions.enqueue(c, a, c, b, a)
    const answers: Record<string, string[]> = {}
    for (const delivery of setup.portal.inbound.petitions.drain()) {
      const res = await push(delivery)
      assert.ok(res.statusCode === 200 || res.statusCode === 201, res.body)
      const portalId = delivery.MaPAKNQuocGia as string
      answers[portalId] = [...(answers[portalId] ?? []), res.json<{ MaPAKN: string }>().MaPAKN]
    }
    for (const p of [a, b, c]) {
      const rows = await petitionsOf(p.MaPAKNQuocGia)
      assert.equal(rows.length, 1, p.MaPAKNQuocGia)
      assert.ok(
        answers[p.MaPAKNQuocGia]?.every((code) => code === rows[0]?.code),
        p.MaPAKNQuocGia,
      )
    }
  })
})
