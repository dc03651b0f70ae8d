import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { seedYearDecisions } from '../../src/store/calendar/calendar-years.ts'
import { loadCatalogFile } from '../../src/store/catalog/load-catalog-file.ts'
import { type OpenDatabase, openDatabase } from '../../src/store/database.ts'
import { migrate } from '../../src/store/migrate.ts'
import { PreparingClient } from '../../src/store/prepared-statements.ts'
import type { Database } from '../../src/store/schema.ts'
import { publishedDecisions } from '../../src/store/seed/published-decisions.ts'

/**
 * A database of the test's own: in-memory PGlite by default, or, when DATABASE_URL names a
 * PostgreSQL server (as in CI's second run), a new database on that server dropped on close.
 * Nothing is shared between test files, so no test depends on another's leftovers.
 */
export async function createTestDatabase(options: { catalogue?: boolean } = {}): Promise<OpenDatabase> {
  const open = await openEmpty()
  await migrate(open.db)
  if (options.catalogue ?? true) {
    await loadCatalogFile(open.db)
    await seedYearDecisions(open.db, publishedDecisions(), new Date('2026-01-01T00:00:00Z'))
  }
  return open
}

async function openEmpty(): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL
  if (!url) return openDatabase({ kind: 'embedded', dataDir: 'memory://' })
  const scratch = await createScratchDatabase(url)
  const pool = new pg.Pool({ connectionString: scratch.url, max: 5, Client: PreparingClient })
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    engine: 'postgres',
    close: async () => {
      await db.destroy()
      if (pool.totalCount > 0) throw new Error(`${pool.totalCount} connection(s) still open after destroy`)
      await scratch.drop()
    },
  }
}

/** A new, empty database on the server `serverUrl` points at, and how to drop it. */
export async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `motcua_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await admin(serverUrl, `CREATE DATABASE ${name}`)
  const target = new URL(serverUrl)
  target.pathname = `/${name}`
  return { url: target.toString(), drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** The engine the suite runs on, for test names and skip messages. */
export const engineName = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'
