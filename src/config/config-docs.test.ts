import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { withVariablesTable } from './config-docs.ts'
import { variableNames } from './environment.ts'

const operations = join(import.meta.dirname, '..', '..', 'docs', 'operations.md')

test('docs/operations.md lists exactly the variables of the schema (regenerate: bin/motcua config docs --write)', () => {
  const committed = readFileSync(operations, 'utf8')
  assert.equal(committed, withVariablesTable(committed))
  for (const name of variableNames) assert.ok(committed.includes(`| \`${name}\``), name)
})
