import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Problem } from '../src/http/problem.ts'
import { createTestApp, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

describe(`errors are problem+json in Vietnamese and English on ${engineName}`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => t.close())

  const problemOf = async (url: string, status: number) => {
    const res = await t.app.inject({ method: 'GET', url })
    assert.equal(res.statusCode, status, res.body)
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
    const body = res.json<Problem>()
    assert.equal(body.status, status)
    assert.ok(body.title && body.en.title && body.title !== body.en.title, 'needs distinct vi and en titles')
    return body
  }

  for (const [query, path] of [
    ['page=abc', 'page'],
    ['page=0', 'page'],
    ['pageSize=1000', 'pageSize'],
    ['online=level4', 'online'],
    ['field=Hộ%20tịch', 'field'],
    ['colour=red', 'colour'],
  ] as const)
    test(`a bad query parameter (${query}) gets 400 naming ${path}`, async () => {
      const body = await problemOf(`/api/procedures?${query}`, 400)
      assert.ok(
        body.errors?.some((e) => e.path.includes(path)),
        `errors should name ${path}: ${JSON.stringify(body.errors)}`,
      )
    })

  test('an unknown procedure code gets 404', async () => {
    const body = await problemOf('/api/procedures/9.999999', 404)
    assert.equal(body.type, 'urn:motcua:problem:procedureNotFound')
  })

  test('an unknown API path gets 404 problem, not the web page', async () => {
    await problemOf('/api/no-such-thing', 404)
  })

  test('an invalid date for the agency tree gets 400', async () => {
    await problemOf('/api/agencies?at=2025-13', 400)
  })
})
