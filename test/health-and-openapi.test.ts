import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { buildApp } from '../src/http/app.ts'
import { createTestApp, fixedNow } from './support/test-app.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

describe(`health and the OpenAPI document on ${engineName}`, () => {
  test('/health is 200 while the database answers and 503 problem once it is gone', async () => {
    const database = await createTestDatabase({ catalogue: false })
    const app = await buildApp({ db: database.db, now: () => fixedNow })
    const up = await app.inject({ method: 'GET', url: '/health' })
    assert.equal(up.statusCode, 200)
    assert.deepEqual(up.json(), { status: 'ok', database: 'ok' })
    await database.close()
    const down = await app.inject({ method: 'GET', url: '/health' })
    assert.equal(down.statusCode, 503)
    assert.match(String(down.headers['content-type']), /problem\+json/)
    await app.close()
  })

  test('the OpenAPI 3.1 document lists every API route with its query schema', async () => {
    const t = await createTestApp()
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
      assert.equal(res.statusCode, 200)
      const doc = res.json<{ openapi: string; paths: Record<string, { get?: { parameters?: { name: string }[] } }> }>()
      assert.equal(doc.openapi, '3.1.0')
      for (const path of ['/health', '/api/procedures', '/api/procedures/{code}', '/api/agencies'])
        assert.ok(doc.paths[path], `missing ${path}`)
      const params = doc.paths['/api/procedures']?.get?.parameters?.map((p) => p.name) ?? []
      for (const name of ['q', 'field', 'agency', 'online', 'page']) assert.ok(params.includes(name), `missing ${name}`)
      const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' })
      assert.equal(docs.statusCode, 200)
      assert.match(docs.body, /swagger/i)
    } finally {
      await t.close()
    }
  })
})
