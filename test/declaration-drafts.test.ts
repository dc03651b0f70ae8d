import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Problem } from '../src/http/problem.ts'
import { deleteDraft, purgeExpiredDrafts, saveDraft } from '../src/store/declarations/drafts.ts'
import { createTestApp, fixedNow, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

type Draft = {
  procedureCode: string
  formVersion: number
  data: Record<string, unknown>
  step: string | null
  updatedAt: string
  expiresAt: string
}
type DraftList = { items: (Omit<Draft, 'data'> & { procedureName: string })[] }

const marriage = '1.000894'
const url = (code = marriage) => `/api/declaration-drafts/${code}`
const day = 86_400_000
const wife = { wife: { fullName: 'Trần Thị Nháp', birthDate: '1998-02-03' } }

describe(`declaration drafts over HTTP on ${engineName}`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => t.close())

  const citizen = (identityNumber: string, name = 'Trần Thị Nháp') => signedIn(t, { citizen: { identityNumber, name } })
  const userIdOf = async (identityNumber: string) =>
    (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('identity_number', '=', identityNumber)
        .executeTakeFirstOrThrow()
    ).id
  const put = (headers: Record<string, string>, payload: unknown, code = marriage) =>
    t.app.inject({ method: 'PUT', url: url(code), headers, payload: payload as object })
  const get = (headers: Record<string, string>, code = marriage) =>
    t.app.inject({ method: 'GET', url: url(code), headers })
  const auditOf = async (identityNumber: string, code = marriage) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'before', 'after'])
      .where('subject', '=', `declaration-draft:${await userIdOf(identityNumber)}:${code}`)
      .orderBy('id')
      .execute()

  test('a draft saved on one device is resumed on another: a second sign-in of the same citizen reads it', async () => {
    const phone = await citizen('056198000101')
    const saved = await put(phone, { formVersion: 1, data: wife, step: 'wife' })
    assert.equal(saved.statusCode, 200, saved.body)
    const laptop = await citizen('056198000101')
    assert.notEqual(laptop.cookie, phone.cookie)
    const read = await get(laptop)
    assert.equal(read.statusCode, 200, read.body)
    const draft = read.json<Draft>()
    assert.deepEqual(
      { procedureCode: draft.procedureCode, formVersion: draft.formVersion, data: draft.data, step: draft.step },
      { procedureCode: marriage, formVersion: 1, data: wife, step: 'wife' },
    )
  })

  test('a draft expires MOTCUA_DRAFT_TTL_DAYS (30 by default) after its last save', async () => {
    const headers = await citizen('056198000102')
    const userId = await userIdOf('056198000102')
    await saveDraft(t.database.db, userId, { procedureCode: marriage, formVersion: 1, data: {}, step: null }, 30, {
      at: new Date(fixedNow.getTime() - 29 * day),
      actor: 'test',
    })
    const saved = (await put(headers, { formVersion: 1, data: wife, step: 'husband' })).json<Draft>()
    assert.equal(Date.parse(saved.updatedAt), fixedNow.getTime())
    assert.equal(Date.parse(saved.expiresAt), fixedNow.getTime() + 30 * day)
  })

  test('another citizen can neither read a draft nor overwrite it: their save is their own draft', async () => {
    const owner = await citizen('056198000103')
    await put(owner, { formVersion: 1, data: wife, step: 'wife' })
    const other = await citizen('056198000104', 'Người Khác')
    const peek = await get(other)
    assert.equal(peek.statusCode, 404)
    assert.equal(peek.json<Problem>().type, 'urn:motcua:problem:draftNotFound')
    const theirs = { wife: { fullName: 'Người Khác' } }
    assert.equal((await put(other, { formVersion: 1, data: theirs, step: null })).statusCode, 200)
    assert.deepEqual((await get(owner)).json<Draft>().data, wife)
    assert.deepEqual((await get(other)).json<Draft>().data, theirs)
    const removed = await t.app.inject({ method: 'DELETE', url: url(), headers: other })
    assert.equal(removed.statusCode, 204)
    assert.deepEqual((await get(owner)).json<Draft>().data, wife)
  })

  test('the list names each live draft with its procedure and dates, without the data', async () => {
    const headers = await citizen('056198000105')
    await put(headers, { formVersion: 1, data: wife, step: 'wife' })
    await put(headers, { formVersion: 1, data: { applicant: {} }, step: null }, '1.001193')
    const res = await t.app.inject({ method: 'GET', url: '/api/declaration-drafts', headers })
    assert.equal(res.statusCode, 200, res.body)
    const items = res.json<DraftList>().items
    assert.deepEqual(items.map((i) => i.procedureCode).sort(), ['1.000894', '1.001193'])
    const marriageLine = items.find((i) => i.procedureCode === marriage)
    assert.equal(marriageLine?.procedureName, 'Thủ tục đăng ký kết hôn')
    assert.equal(Date.parse(marriageLine?.expiresAt ?? ''), fixedNow.getTime() + 30 * day)
    assert.ok(items.every((i) => !('data' in i)))
  })

  test('an expired draft is never returned and the purge deletes it, audited, leaving live ones', async () => {
    const headers = await citizen('056198000106')
    const userId = await userIdOf('056198000106')
    await saveDraft(t.database.db, userId, { procedureCode: marriage, formVersion: 1, data: wife, step: 'wife' }, 30, {
      at: new Date(fixedNow.getTime() - 31 * day),
      actor: 'test',
    })
    await put(headers, { formVersion: 1, data: {}, step: null }, '1.001193')
    assert.equal((await get(headers)).statusCode, 404)
    const list = (await t.app.inject({ method: 'GET', url: '/api/declaration-drafts', headers })).json<DraftList>()
    assert.deepEqual(
      list.items.map((i) => i.procedureCode),
      ['1.001193'],
    )
    assert.ok((await purgeExpiredDrafts(t.database.db, fixedNow)) >= 1)
    const left = await t.database.db
      .selectFrom('declaration_drafts')
      .select('procedure_code')
      .where('user_id', '=', userId)
      .execute()
    assert.deepEqual(
      left.map((r) => r.procedure_code),
      ['1.001193'],
    )
    const trail = await auditOf('056198000106')
    assert.deepEqual(
      trail.map((r) => [r.action, r.actor]),
      [
        ['declaration-draft.created', 'test'],
        ['declaration-draft.purged', 'system'],
      ],
    )
  })

  test('discarding deletes the draft, audited; a second discard is a 404 problem', async () => {
    const headers = await citizen('056198000107')
    await put(headers, { formVersion: 1, data: wife, step: 'wife' })
    const first = await t.app.inject({ method: 'DELETE', url: url(), headers })
    assert.equal(first.statusCode, 204, first.body)
    assert.equal((await get(headers)).statusCode, 404)
    const again = await t.app.inject({ method: 'DELETE', url: url(), headers })
    assert.equal(again.statusCode, 404)
    assert.deepEqual(
      (await auditOf('056198000107')).map((r) => r.action),
      ['declaration-draft.created', 'declaration-draft.discarded'],
    )
  })

  test('each save is audited with the shape and digest of what it replaced, never the data itself', async () => {
    const headers = await citizen('056198000108', 'Lê Thị Kiểm')
    await put(headers, { formVersion: 1, data: wife, step: 'wife' })
    await put(headers, { formVersion: 1, data: { ...wife, husband: { fullName: 'Lê Văn Nam' } }, step: 'husband' })
    const trail = await auditOf('056198000108')
    assert.deepEqual(
      trail.map((r) => r.action),
      ['declaration-draft.created', 'declaration-draft.replaced'],
    )
    type Shape = { formVersion: number; step: string; bytes: number; sha256: string }
    const [created, replaced] = trail as { before: Shape | null; after: Shape; actor: string }[]
    assert.equal(created?.before, null)
    assert.deepEqual(replaced?.before, created?.after, 'the replaced draft is the one the first save made')
    assert.equal(replaced?.after.step, 'husband')
    assert.match(replaced?.after.sha256 ?? '', /^[0-9a-f]{64}$/)
    assert.match(created?.actor ?? '', /^Lê Thị Kiểm \(/)
    assert.ok(!JSON.stringify(trail).includes('Trần Thị Nháp'), 'no declared value is copied into the log')
  })

  test('submitting deletes the draft inside the caller’s transaction, audited as submitted', async () => {
    const headers = await citizen('056198000109')
    await put(headers, { formVersion: 1, data: wife, step: 'wife' })
    const userId = await userIdOf('056198000109')
    const deleted = await t.database.db
      .transaction()
      .execute((tx) => deleteDraft(tx, userId, marriage, { at: fixedNow, actor: 'test', reason: 'submitted' }))
    assert.equal(deleted, true)
    assert.equal((await get(headers)).statusCode, 404)
    assert.deepEqual(
      (await auditOf('056198000109')).map((r) => r.action),
      ['declaration-draft.created', 'declaration-draft.submitted'],
    )
  })

  test('data that is not a JSON object, or over 256 KiB, is refused and nothing is saved', async () => {
    const headers = await citizen('056198000110')
    for (const data of [['a'], 'text', null]) {
      const res = await put(headers, { formVersion: 1, data, step: null })
      assert.equal(res.statusCode, 400, JSON.stringify(data))
      assert.ok(
        res.json<Problem>().errors?.some((e) => e.path.startsWith('body/data')),
        res.body,
      )
    }
    const big = await put(headers, { formVersion: 1, data: { note: 'x'.repeat(256 * 1024) }, step: null })
    assert.equal(big.statusCode, 413, big.body)
    assert.equal(big.json<Problem>().errors?.[0]?.path, 'body/data')
    const noVersion = await put(headers, { data: {}, step: null })
    assert.equal(noVersion.statusCode, 400)
    assert.equal((await get(headers)).statusCode, 404)
    assert.deepEqual(await auditOf('056198000110'), [])
  })

  test('a draft for a procedure the catalogue does not have is a 404 problem', async () => {
    const headers = await citizen('056198000111')
    const res = await put(headers, { formVersion: 1, data: {}, step: null }, '9.999999')
    assert.equal(res.statusCode, 404)
    assert.equal(res.json<Problem>().type, 'urn:motcua:problem:procedureNotFound')
  })

  test('an officer has no drafts: 403 problem', async () => {
    const officer = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    assert.equal((await get(officer)).statusCode, 403)
    assert.equal((await put(officer, { formVersion: 1, data: {}, step: null })).statusCode, 403)
  })
})
