import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** Takes the pull lease for `leaseMs` unless another instance holds an unexpired one. */
export async function leasePull(db: Db, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  const r =
    await sql`UPDATE axis_pull_lease SET leased_by = ${holder}, lease_until = ${new Date(now.getTime() + leaseMs)}
    WHERE id = 1 AND (leased_by IS NULL OR leased_by = ${holder} OR lease_until < ${now})`.execute(db)
  return Number(r.numAffectedRows ?? 0) === 1
}

export async function releasePull(db: Db, holder: string): Promise<void> {
  await sql`UPDATE axis_pull_lease SET leased_by = NULL, lease_until = NULL WHERE id = 1 AND leased_by = ${holder}`.execute(
    db,
  )
}
