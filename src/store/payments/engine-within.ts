import { sql, type Transaction } from 'kysely'
import { workingDaysFromDatabase } from '../calendar/working-days-cache.ts'
import type { Db } from '../database.ts'
import { dossierCommands } from '../dossiers/dossier-commands.ts'
import type { Database } from '../schema.ts'

/**
 * The lifecycle engine inside an already open transaction: the engine's own transaction becomes a
 * savepoint, so a payment's confirmation and its `record-payment` command commit or roll back
 * together. (The engine opens its transactions with `db.transaction()`, which Kysely does not nest.)
 */
export function engineWithin(tx: Transaction<Database>): ReturnType<typeof dossierCommands> {
  const savepoint = {
    execute: async <T>(work: (inner: Transaction<Database>) => Promise<T>): Promise<T> => {
      await sql`SAVEPOINT engine_command`.execute(tx)
      try {
        const result = await work(tx)
        await sql`RELEASE SAVEPOINT engine_command`.execute(tx)
        return result
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT engine_command`.execute(tx)
        throw error
      }
    },
  }
  const nested = new Proxy(tx, {
    get(target, property) {
      if (property === 'transaction') return () => savepoint
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as unknown as Db
  return dossierCommands(nested, workingDaysFromDatabase(nested))
}
