import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Type } from 'typebox'
import { requestValidatorCompiler } from './request-validation.ts'

const compile = requestValidatorCompiler()
const schemaOf = (httpPart: string, schema: object) =>
  compile({ schema, httpPart, method: 'POST', url: '/x' }) as unknown as ((data: unknown) => boolean) & {
    errors?: unknown[] | null
  }
const nullableEmail = Type.Object({ email: Type.Union([Type.String(), Type.Null()]) })

test('a JSON body keeps null in a string-or-null field (no coercion to "")', () => {
  const body = { email: null }
  assert.equal(schemaOf('body', nullableEmail)(body), true)
  assert.deepEqual(body, { email: null })
})

test('a JSON body with a number where text is due is refused, not turned into text', () => {
  assert.equal(schemaOf('body', Type.Object({ name: Type.String() }))({ name: 5 }), false)
})

test('a query string is still coerced from text: "3" → 3 and one value → an array', () => {
  const query: Record<string, unknown> = { page: '3', status: '1' }
  const validate = schemaOf('querystring', Type.Object({ page: Type.Integer(), status: Type.Array(Type.Integer()) }))
  assert.equal(validate(query), true)
  assert.deepEqual(query, { page: 3, status: [1] })
})
