import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely'
import { shapedStatements } from './prepared-statements.ts'
import type { Database } from './schema.ts'

// Compiles only: no database behind it.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
})

type Rows = { topic: string; message_key: string; payload: string; created_at: Date }[]
const insertOutbox = (v: { rows: Rows }) => db.insertInto('outbox').values(v.rows).returning('id')

test('a shaped statement binds each call’s values where Kysely itself would put them', () => {
  const statement = shapedStatements()
  for (const n of [1, 2]) {
    const rows = [{ topic: `t${n}`, message_key: `k${n}`, payload: '{}', created_at: new Date(n) }]
    const shaped = statement('outbox', { rows }, insertOutbox)
    const direct = insertOutbox({ rows }).compile()
    assert.equal(shaped.sql, direct.sql)
    assert.deepEqual(shaped.parameters, direct.parameters)
  }
})

test('another number of rows is another shape, with its own SQL', () => {
  const statement = shapedStatements()
  const row = (n: number) => ({ topic: 't', message_key: `k${n}`, payload: '{}', created_at: new Date(n) })
  const one = statement('outbox', { rows: [row(1)] }, insertOutbox)
  const two = statement('outbox', { rows: [row(1), row(2)] }, insertOutbox)
  assert.notEqual(one.sql, two.sql)
  assert.deepEqual(two.parameters, insertOutbox({ rows: [row(1), row(2)] }).compile().parameters)
})

test('a key left undefined is part of the shape: Kysely leaves its column out', () => {
  const statement = shapedStatements()
  const build = (v: { id: string; code?: string }) =>
    db.updateTable('dossiers').set({ code: v.code }).where('id', '=', v.id)
  const without = statement('update', { id: 'a', code: undefined }, build)
  const withCode = statement('update', { id: 'a', code: 'X' }, build)
  assert.deepEqual(without.parameters, ['a'])
  assert.deepEqual(withCode.parameters, ['X', 'a'])
})

test('a value the statement does not pass as a parameter is refused when its shape is compiled', () => {
  const statement = shapedStatements()
  assert.throws(
    () =>
      statement('dropped', { id: 'a', unused: 1 }, (v) =>
        db.selectFrom('dossiers').select('id').where('id', '=', v.id),
      ),
    /passed 1 of its 2 values/,
  )
  assert.throws(
    () =>
      statement('embedded', { id: 'a' }, (v) => db.selectFrom('dossiers').select('id').where('id', '=', `${v.id}-x`)),
    /used a value inside another/,
  )
})
