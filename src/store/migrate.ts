import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Db } from './database.ts'

const migrationsDir = join(import.meta.dirname, 'migrations')

/** A numbered SQL file, `NNNN_name.sql`, applied once in its own transaction. */
export type Migration = { readonly version: number; readonly name: string; readonly sql: string }

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
}

// Any fixed number: serialises concurrent `migrate` runs from several processes on PostgreSQL.
const migrationLockKey = 7_042_025

/** Applies the migrations not yet applied, in order; returns the versions it applied. */
export async function migrate(db: Db, migrations = listMigrations()): Promise<number[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db)
  const applied: number[] = []
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${migrationLockKey})`.execute(tx)
      const existing = await tx
        .selectFrom('schema_migrations')
        .select('version')
        .where('version', '=', migration.version)
        .executeTakeFirst()
      if (existing) return false
      await sql.raw(migration.sql).execute(tx)
      await tx.insertInto('schema_migrations').values({ version: migration.version, name: migration.name }).execute()
      return true
    })
    if (done) applied.push(migration.version)
  }
  return applied
}
