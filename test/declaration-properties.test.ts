import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Validator } from '@cfworker/json-schema'
import fc from 'fast-check'
import type { FormDefinition } from '../src/domain/declarations/form-definition.ts'
import { DeclarationValidators } from '../src/domain/declarations/validate-declaration.ts'
import { catalogWithForms } from '../src/store/catalog/load-catalog-file.ts'
import { declarationArbitrary } from './support/declaration-arbitrary.ts'

const today = '2026-12-02'
const forms = catalogWithForms().procedures.flatMap((p) =>
  p.versions.flatMap((v) => (v.form ? [{ key: `${p.code}@${v.version}#${v.form.version}`, form: v.form }] : [])),
)

type Leaf = { path: string; schema: Record<string, unknown>; required: boolean }

type Schema = Record<string, unknown>

/** Keys an if/then/else of the object reads or changes: a mutation there may switch branches. */
function conditionalKeys(schema: Schema): Set<string> {
  const keys = new Set<string>()
  for (const c of [schema, ...((schema.allOf ?? []) as Schema[])].filter((s) => s.if)) {
    for (const part of [c.if, c.then, c.else] as (Schema | undefined)[]) {
      for (const k of Object.keys((part?.properties ?? {}) as Schema)) keys.add(k)
      for (const k of (part?.required ?? []) as string[]) keys.add(k)
    }
  }
  return keys
}

/** Leaves of the always-present part of the schema (outside branches and arrays): where a mutation is unambiguous. */
function leaves(schema: Schema, prefix = '', required = true): Leaf[] {
  if (schema.type !== 'object') return prefix ? [{ path: prefix, schema, required }] : []
  const props = (schema.properties ?? {}) as Record<string, Schema>
  const req = new Set((schema.required ?? []) as string[])
  const branching = conditionalKeys(schema)
  return Object.entries(props)
    .filter(([k]) => !branching.has(k))
    .flatMap(([k, s]) => leaves(s, prefix ? `${prefix}/${k}` : k, required && req.has(k)))
}

function without(data: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(data)
  const segments = path.split('/')
  const last = segments.pop() as string
  const parent = segments.reduce<Record<string, unknown>>((node, k) => node[k] as Record<string, unknown>, copy)
  delete parent[last]
  return copy
}

function withValue(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(data)
  const segments = path.split('/')
  const last = segments.pop() as string
  const parent = segments.reduce<Record<string, unknown>>((node, k) => node[k] as Record<string, unknown>, copy)
  parent[last] = value
  return copy
}

const errorPaths = (validators: DeclarationValidators, key: string, form: FormDefinition, data: unknown) => {
  const verdict = validators.validate(key, form, data, today)
  return verdict.ok ? [] : verdict.errors.map((e) => e.path)
}

describe('declarations generated from each catalogue form', () => {
  test('the catalogue has forms to check', () => assert.ok(forms.length > 0))
  for (const { key, form } of forms) {
    test(`${key}: generated declarations are accepted by ajv, by a second implementation and by the named rules`, () => {
      const validators = new DeclarationValidators()
      const second = new Validator(form.schema as never, '2020-12', false)
      fc.assert(
        fc.property(declarationArbitrary(form, today), (data) => {
          const verdict = validators.validate(key, form, data, today)
          assert.ok(verdict.ok, JSON.stringify({ data, errors: verdict.ok ? [] : verdict.errors }))
          const other = second.validate(data)
          assert.ok(other.valid, JSON.stringify({ data, errors: other.errors.slice(0, 3) }))
        }),
        { numRuns: 60, seed: 20261202 },
      )
    })
    test(`${key}: a declaration missing a required field, with a wrong type or a bad pattern is refused at that field`, () => {
      const validators = new DeclarationValidators()
      const fixed = leaves(form.schema).filter((l) => l.required)
      assert.ok(fixed.length > 0, 'the form has required fields')
      fc.assert(
        fc.property(
          declarationArbitrary(form, today),
          fc.constantFrom(...fixed),
          fc.constantFrom('missing', 'wrong-type', 'bad-pattern'),
          (data, leaf, mutation) => {
            const patterned = typeof leaf.schema.pattern === 'string' || Array.isArray(leaf.schema.enum)
            const mutated =
              mutation === 'missing'
                ? without(data, leaf.path)
                : mutation === 'wrong-type'
                  ? withValue(data, leaf.path, leaf.schema.type === 'string' ? 12 : 'x')
                  : patterned
                    ? withValue(data, leaf.path, '§')
                    : withValue(data, leaf.path, [])
            assert.ok(errorPaths(validators, key, form, mutated).includes(leaf.path), `${mutation} at ${leaf.path}`)
          },
        ),
        { numRuns: 60, seed: 20261202 },
      )
    })
  }
})
