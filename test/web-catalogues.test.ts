import assert from 'node:assert/strict'
import { test } from 'node:test'
import en from '../web/src/i18n/en.json' with { type: 'json' }
import vi from '../web/src/i18n/vi.json' with { type: 'json' }

test('the web app’s Vietnamese and English catalogues have the same keys', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort())
})

test('no message of the web app is empty in either language', () => {
  for (const [lang, catalogue] of Object.entries({ vi, en }))
    for (const [key, text] of Object.entries(catalogue)) assert.ok(text.trim() !== '', `${lang}: ${key} is empty`)
})
