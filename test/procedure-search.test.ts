import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ProcedureDetail, ProcedurePage } from '../src/domain/catalog/procedure-views.ts'
import { limitInWorkingHours } from '../src/domain/catalog/time-limit.ts'
import { createTestApp, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

describe(`procedure search on ${engineName}`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => t.close())

  const search = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/procedures?${query}` })
    assert.equal(res.statusCode, 200, res.body)
    return res.json<ProcedurePage>()
  }

  test('typing without diacritics finds the building-permit procedures first', async () => {
    const page = await search('q=giay%20phep%20xay%20dung')
    assert.ok(page.total >= 2, `expected several building permits, got ${page.total}`)
    const first = page.items[0]
    assert.ok(first, 'no result')
    assert.match(first.name, /giấy phép xây dựng/i)
    assert.equal(first.field, page.items[1]?.field, 'the top two results are of one field')
  })

  test('case and diacritics do not matter: the same results with or without them', async () => {
    const plain = await search('q=GIAY%20PHEP%20XAY%20DUNG')
    const accented = await search(`q=${encodeURIComponent('Giấy phép xây dựng')}`)
    assert.deepEqual(
      plain.items.map((i) => i.code),
      accented.items.map((i) => i.code),
    )
  })

  test('đ is matched by d: "dang ky khai sinh" finds the birth registration', async () => {
    const page = await search('q=dang%20ky%20khai%20sinh')
    assert.ok(
      page.items.some((i) => i.code === '1.001193'),
      'Thủ tục đăng ký khai sinh (1.001193) not found',
    )
  })

  test('a half-typed last word already matches as a prefix', async () => {
    const page = await search('q=giay%20phep%20xay%20du')
    assert.match(page.items[0]?.name ?? '', /giấy phép xây dựng/i)
  })

  test('a typo still finds the procedure through similarity when nothing matches exactly', async () => {
    const page = await search('q=giay%20phep%20xay%20dugn')
    assert.ok(
      page.items.some((i) => /giấy phép xây dựng/i.test(i.name)),
      JSON.stringify(page.items.map((i) => i.name)),
    )
  })

  test('query syntax characters are plain text, never an error', async () => {
    for (const q of ['&|!():*', "x' OR 1=1 --", '   ', '漢字'])
      assert.equal((await search(`q=${encodeURIComponent(q)}`)).total, 0, q)
  })

  test('a page past the end is empty but still tells the total', async () => {
    const page = await search('q=giay%20phep&page=50')
    assert.deepEqual(page.items, [])
    assert.ok(page.total > 0)
  })

  test('a word that matches nothing returns an empty page, not an error', async () => {
    const page = await search('q=zzqxv')
    assert.equal(page.total, 0)
    assert.deepEqual(page.items, [])
  })

  test('filters by field and online level narrow the list and every item obeys them', async () => {
    const all = await search('pageSize=100')
    const field = all.items[0]?.field
    assert.ok(field)
    const byField = await search(`field=${field}&pageSize=100`)
    assert.ok(byField.total > 0 && byField.total < all.total)
    assert.ok(byField.items.every((i) => i.field === field))
    const full = await search('online=full&pageSize=100')
    assert.ok(full.total > 0)
    assert.ok(full.items.every((i) => i.onlineLevel === 'full'))
  })

  test('pages do not overlap and the total counts every match', async () => {
    const first = await search('pageSize=10&page=1')
    const second = await search('pageSize=10&page=2')
    assert.equal(first.total, second.total)
    assert.ok(first.total >= 80, `the demo has at least 80 procedures, got ${first.total}`)
    const overlap = first.items.filter((a) => second.items.some((b) => b.code === a.code))
    assert.deepEqual(overlap, [])
  })

  test('the agency filter lists the procedures a department decides', async () => {
    const page = await search('agency=so-xay-dung&pageSize=100')
    assert.ok(page.total > 0)
    assert.ok(page.items.every((i) => i.competentAgency?.id === 'so-xay-dung'))
  })

  test('a procedure comes with its version in force, documents, fees and steps adding up to the limit', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })
    assert.equal(res.statusCode, 200, res.body)
    const p = res.json<ProcedureDetail>()
    assert.equal(p.code, '1.001193')
    assert.ok(p.requiredDocuments.length > 0)
    assert.ok(p.legalBasis.length > 0)
    const total = limitInWorkingHours(p.timeLimit)
    const sum = p.steps.reduce((acc, s) => acc + s.budgetHours, 0)
    if (total !== null) assert.equal(sum, total)
  })
})
