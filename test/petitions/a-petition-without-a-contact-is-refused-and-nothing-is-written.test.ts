import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Problem } from '../../src/http/problem.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { submit } from './petition-http.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(async () => t.close())

test(`a petition without a phone or e-mail, or with a bad field, is a 400 problem in vi/en and writes nothing (Decree 20/2008 Art. 7) on ${engineName}`, async () => {
  const bodies = [
    { petitioner: { name: 'Ẩn danh', phone: null, email: null, address: null } },
    { category: 'weather' },
    { title: '' },
    { extra: true },
  ]
  for (const overrides of bodies) {
    const res = await submit(t, {}, overrides)
    assert.equal(res.statusCode, 400, JSON.stringify(overrides))
    assert.match(String(res.headers['content-type']), /application\/problem\+json/)
    const body = res.json<Problem>()
    assert.equal(body.type, 'urn:motcua:problem:validation')
    assert.ok(body.title.length > 0 && body.en.title.length > 0)
    assert.ok(
      body.errors?.some((e) => e.path.startsWith('body')),
      res.body,
    )
  }
  const written = await t.database.db.selectFrom('petitions').select('code').execute()
  assert.deepEqual(written, [])
  const counters = await t.database.db.selectFrom('petition_code_counters').selectAll().execute()
  assert.deepEqual(counters, [])
})
