import { appendAudit } from '../audit/audit-log.ts'
import type { Db } from '../database.ts'
import { holdLease, releaseLease } from '../deadline-watch/job-leases.ts'

/** How a petition came from the platform: pushed to motcua's route, or pulled from its feed. */
export type PetitionVia = 'push' | 'pull'

/** The job lease that lets one instance at a time pull the platform's petition feed. */
const feedJob = 'portal-petitions-pull'

/**
 * Takes or renews the feed's lease for `holder` until `now + leaseMs` (job_leases); the cursor then,
 * or null when another instance holds the lease.
 */
export async function holdPetitionFeed(
  db: Db,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<{ readonly cursor: string | null } | null> {
  if (!(await holdLease(db, feedJob, holder, now, leaseMs))) return null
  const row = await db.selectFrom('portal_petition_cursor').select('cursor').where('id', '=', 1).executeTakeFirst()
  return { cursor: row?.cursor ?? null }
}

/** Moves the cursor while `holder` still holds the lease; false when it was lost (another took over). */
export async function advancePetitionCursor(db: Db, holder: string, cursor: string, at: Date): Promise<boolean> {
  const moved = await db
    .updateTable('portal_petition_cursor')
    .set({ cursor, updated_at: at })
    .where('id', '=', 1)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('job_leases').select('job').where('job', '=', feedJob).where('holder', '=', holder)),
    )
    .executeTakeFirst()
  return Number(moved.numUpdatedRows) === 1
}

/** Gives the feed's lease up at the end of a round, so another server need not wait for it to expire. */
export function releasePetitionFeed(db: Db, holder: string): Promise<void> {
  return releaseLease(db, feedJob, holder)
}

/** A petition delivery refused before it could be trusted: kept with what it claims, never keyed by it. */
export async function recordPetitionRefusal(
  db: Db,
  refusal: { via: PetitionVia; claimedPortalId: string | null; reason: string; detail: string | null; at: Date },
) {
  await db
    .insertInto('portal_petition_refusals')
    .values({
      received_via: refusal.via,
      claimed_portal_id: refusal.claimedPortalId,
      portal_id: null,
      reason: refusal.reason,
      detail: refusal.detail,
      at: refusal.at,
    })
    .execute()
}

/** The outbox topic of petitions refused on their content, each reported to the platform once. */
export const petitionRejectedTopic = 'portal-petition.rejected'

/**
 * A trusted petition refused on its content, once per portal id: recorded, audited and its report to
 * the platform queued in the outbox in one transaction. A redelivery keeps the first refusal; its
 * reason is returned either way. The payload's `dossierId` is null: dossier consumers pass it by.
 */
export async function recordPetitionRejection(
  db: Db,
  rejection: { via: PetitionVia; portalId: string; reason: string; detail: string | null; at: Date },
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('portal_petition_refusals')
      .values({
        received_via: rejection.via,
        claimed_portal_id: rejection.portalId,
        portal_id: rejection.portalId,
        reason: rejection.reason,
        detail: rejection.detail,
        at: rejection.at,
      })
      .onConflict((oc) => oc.column('portal_id').doNothing())
      .returning('reason')
      .executeTakeFirst()
    if (!inserted) return (await petitionRejection(tx, rejection.portalId))?.reason ?? rejection.reason
    await appendAudit(tx, {
      at: rejection.at,
      actor: 'national-portal',
      action: 'portal-petition.rejected',
      subject: `portal-petition:${rejection.portalId}`,
      before: null,
      after: { reason: rejection.reason, detail: rejection.detail, via: rejection.via },
    })
    const payload = {
      dossierId: null,
      code: null,
      portalId: rejection.portalId,
      event: { type: 'portal-petition-rejected' },
    }
    await tx
      .insertInto('outbox')
      .values({
        topic: petitionRejectedTopic,
        message_key: `portal-petition:${rejection.portalId}`,
        payload: JSON.stringify(payload),
        created_at: rejection.at,
      })
      .execute()
    return inserted.reason
  })
}

/** The refusal of a trusted petition by its portal id: its reason, when, and whether the platform took it. */
export async function petitionRejection(
  db: Db,
  portalId: string,
): Promise<{ reason: string; rejectedAt: Date; reported: boolean } | null> {
  const row = await db
    .selectFrom('portal_petition_refusals')
    .select(['reason', 'at', 'reported_at'])
    .where('portal_id', '=', portalId)
    .executeTakeFirst()
  return row ? { reason: row.reason, rejectedAt: new Date(row.at), reported: row.reported_at !== null } : null
}

export async function recordPetitionRejectionReported(db: Db, portalId: string, at: Date) {
  await db
    .updateTable('portal_petition_refusals')
    .set({ reported_at: at })
    .where('portal_id', '=', portalId)
    .where('reported_at', 'is', null)
    .execute()
}
