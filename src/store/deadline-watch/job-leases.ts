import { sql } from 'kysely'
import type { Db } from '../database.ts'

/**
 * Takes or renews the lease of `job` for `holder` until `now + leaseMs`: granted when nobody holds
 * it, `holder` already does, or the last holder's lease has expired (it crashed or stopped renewing).
 * One statement, so two servers asking at once cannot both be granted.
 */
export async function holdLease(db: Db, job: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs)
  const granted = await sql<{ holder: string }>`
    INSERT INTO job_leases (job, holder, expires_at) VALUES (${job}, ${holder}, ${until})
    ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= ${now}
    RETURNING holder`.execute(db)
  return granted.rows.length === 1
}

/** Gives the lease up at a clean stop, so another server need not wait for it to expire. */
export async function releaseLease(db: Db, job: string, holder: string): Promise<void> {
  await db.deleteFrom('job_leases').where('job', '=', job).where('holder', '=', holder).execute()
}
