import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { PreparingClient } from './prepared-statements.ts'
import type { Database } from './schema.ts'

/** Where the data lives: an embedded PGlite directory, or a PostgreSQL server. */
export type DatabaseLocation =
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number }

export type Db = Kysely<Database>

/** Runs `work` in the caller's transaction when `db` is one, else in a new transaction. */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}

/** An open database: one Kysely over a `pg.Pool` for both engines, so every query runs the same. */
export type OpenDatabase = {
  readonly db: Db
  readonly engine: 'pglite' | 'postgres'
  close(): Promise<void>
}

// pg returns int8 (`count(*)`) and numeric as strings and dates as local-time Date objects: counts and
// budgets are small numbers here, and a calendar date must stay a date whatever the server's zone.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v))
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)

export async function openDatabase(location: DatabaseLocation): Promise<OpenDatabase> {
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: location.url,
      max: location.poolSize ?? 10,
      // An OLTP workload: the indicator sums read tens of thousands of rows, which the default costs
      // judge worth JIT compilation and parallel workers; both cost more than they save there (JIT
      // alone took 20–30 ms at 10 million dossiers) and make the latency erratic.
      options: '-c jit=off -c max_parallel_workers_per_gather=0',
      Client: PreparingClient,
    })
    // An idle connection the server closes (restart, failover) must not crash the process; the pool replaces it.
    pool.on('error', (error) => console.error(`motcua: idle database connection lost: ${error.message}`))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, engine: 'postgres', close: () => db.destroy() }
  }
  if (!location.dataDir.startsWith('memory://')) mkdirSync(location.dataDir, { recursive: true })
  const pglite = await PGlite.create(location.dataDir, { extensions: { unaccent, pg_trgm } })
  const pool = new pg.Pool(Object.assign(createPgConfig(pglite), { Client: PreparingClient }))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy()
      await pglite.close()
    },
  }
}

/** A PostgreSQL server wins over a data directory (`DATABASE_URL`), as every CLI command documents. */
export function locateDatabase(
  server: { readonly url: string | null; readonly poolMax: number },
  dataDir: string,
): DatabaseLocation {
  if (server.url) return { kind: 'postgres', url: server.url, poolSize: server.poolMax }
  return { kind: 'embedded', dataDir }
}
