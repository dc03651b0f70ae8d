import assert from 'node:assert/strict'
import { test } from 'node:test'
import { catalogues } from './messages.ts'

test('the Vietnamese and English server catalogues hold the same keys, none empty', () => {
  assert.deepEqual(Object.keys(catalogues.en).sort(), Object.keys(catalogues.vi).sort())
  for (const [lang, catalogue] of Object.entries(catalogues))
    for (const [key, text] of Object.entries(catalogue)) assert.ok(text.trim(), `${lang}:${key} is empty`)
})
