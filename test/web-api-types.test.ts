import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { test } from 'node:test'
import { generatedApiTypes, schemaFile } from '../web/api-types.ts'

test('the web’s committed API types are what the served OpenAPI document generates (else run npm run gen:api)', async () => {
  const committed = await readFile(schemaFile, 'utf8')
  assert.ok(committed === (await generatedApiTypes()), 'web/src/api/schema.gen.ts is stale: run npm run gen:api')
})
