import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { test } from 'node:test'

const root = join(import.meta.dirname, '..', '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

test('outside src/config no source file reads process.env: the configuration is passed in', () => {
  const readers = sourceFiles(join(root, 'src'))
    .filter((path) => !relative(root, path).startsWith(join('src', 'config')))
    .filter((path) => /process\.env\b/.test(readFileSync(path, 'utf8')))
    .map((path) => relative(root, path))
  assert.deepEqual(readers, [])
})
