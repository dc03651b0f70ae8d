import { sql } from 'kysely'
import type { PortalClient, PortalReply } from '../../adapters/national-portal/portal-client.ts'
import { type PortalExtra, portalRecord } from '../../adapters/national-portal/portal-record.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { type Ratio, ratio } from '../../domain/kpi/ratio.ts'
import type { Consumer } from '../../jobs/consumer.ts'
import type { Db } from '../database.ts'
import { loadEvents } from '../dossiers/dossier-queries.ts'

export type PortalSyncOptions = {
  readonly db: Db
  readonly client: PortalClient
  /** motcua's public address, for the e-result link (`DuongDanKetQua`). */
  readonly publicBaseUrl: string
  readonly now?: () => Date
}

/**
 * What one sync did: `sent` the portal acknowledged the current version (`reply` says whether it
 * stored it or already held a newer one); `up-to-date` nothing to send; `not-syncable` the dossier
 * has no code (only received dossiers go to the portal, see portalRecord) or does not exist.
 */
export type SyncOutcome =
  | { readonly kind: 'sent'; readonly version: number; readonly reply: PortalReply }
  | { readonly kind: 'up-to-date' | 'not-syncable' }

async function syncedVersion(db: Db, dossierId: string): Promise<number> {
  const row = await db
    .selectFrom('portal_sync')
    .select('synced_version')
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst()
  return row?.synced_version ?? 0
}

/** The codes and links the record needs from the catalogue and the store. */
async function extraOf(db: Db, dossierId: string, d: Dossier, publicBaseUrl: string): Promise<PortalExtra> {
  const day = localDate(new Date(d.receivedAt ?? d.submittedAt))
  const [procedure, version, unit, result] = await Promise.all([
    db.selectFrom('procedures').select('national_code').where('code', '=', d.procedure.code).executeTakeFirst(),
    db
      .selectFrom('procedure_versions')
      .select('fees')
      .where('procedure_code', '=', d.procedure.code)
      .where('version', '=', d.procedure.version)
      .executeTakeFirst(),
    db
      .selectFrom('agency_codes')
      .select('code')
      .where('agency_id', '=', d.receivingAgencyId)
      .where('valid_from', '<=', day)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
      .orderBy('valid_from', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('issued_documents')
      .select('sha256')
      .where('dossier_id', '=', dossierId)
      .where('kind', '=', 'result')
      .executeTakeFirst(),
  ])
  return {
    procedureNationalCode: procedure?.national_code ?? d.procedure.code,
    agencyCode: unit?.code ?? d.receivingAgencyId,
    fixedFeesVnd: (version?.fees ?? []).reduce((sum, f) => sum + (f.amountVnd ?? 0), 0),
    resultLink: result ? new URL(`/api/dossiers/${dossierId}/files/${result.sha256}`, publicBaseUrl).toString() : null,
    // motcua has no payment gateway integration yet: no fee is known to have been paid online.
    onlinePayment: null,
  }
}

async function recordSynced(db: Db, dossierId: string, version: number, at: Date): Promise<void> {
  await db
    .insertInto('portal_sync')
    .values({ dossier_id: dossierId, synced_version: version, synced_at: at, last_error: null })
    .onConflict((oc) =>
      oc.column('dossier_id').doUpdateSet({
        synced_version: sql`greatest(portal_sync.synced_version, excluded.synced_version)`,
        synced_at: (eb) => eb.ref('excluded.synced_at'),
        last_error: null,
      }),
    )
    .execute()
}

async function recordFailure(db: Db, dossierId: string, error: unknown, at: Date): Promise<void> {
  const text = error instanceof Error ? error.message : String(error)
  await db
    .insertInto('portal_sync')
    .values({ dossier_id: dossierId, synced_version: 0, synced_at: at, last_error: text })
    .onConflict((oc) => oc.column('dossier_id').doUpdateSet({ last_error: text }))
    .execute()
}

/**
 * Đồng bộ một hồ sơ: sends the dossier's CURRENT record unless the portal already acknowledged its
 * version, then remembers the version. Sending the current state rather than the message's event
 * makes redelivered and out-of-order messages harmless. A failure is remembered and rethrown.
 */
export async function syncDossier(options: PortalSyncOptions, dossierId: string): Promise<SyncOutcome> {
  const { db, client } = options
  const now = options.now ?? (() => new Date())
  const head = await db
    .selectFrom('dossiers')
    .select(['version', 'code', 'state'])
    .where('id', '=', dossierId)
    .executeTakeFirst()
  if (!head?.state || head.code === null) return { kind: 'not-syncable' }
  if ((await syncedVersion(db, dossierId)) >= head.version) return { kind: 'up-to-date' }
  const history = (await loadEvents(db, dossierId)).map((e) => e.event)
  const record = portalRecord(history, await extraOf(db, dossierId, head.state, options.publicBaseUrl))
  if (!record) return { kind: 'not-syncable' }
  try {
    const reply = await client.send(record)
    await recordSynced(db, dossierId, record.PhienBan, now())
    return { kind: 'sent', version: record.PhienBan, reply }
  } catch (error) {
    await recordFailure(db, dossierId, error, now())
    throw error
  }
}

export type OutOfSync = {
  readonly dossierId: string
  readonly code: string
  readonly version: number
  /** 0 when the portal never acknowledged this dossier. */
  readonly syncedVersion: number
  readonly lastError: string | null
}

/**
 * Hồ sơ chưa đồng bộ: received dossiers (those with a code) whose current version the portal has
 * not acknowledged, oldest reception first. Online submissions never received are not listed:
 * they have no code, and the portal keys its records by code.
 */
export async function outOfSync(db: Db, options: { limit?: number } = {}): Promise<OutOfSync[]> {
  let query = db
    .selectFrom('dossiers as d')
    .leftJoin('portal_sync as p', 'p.dossier_id', 'd.id')
    .select(['d.id', 'd.code', 'd.version', 'p.synced_version', 'p.last_error'])
    .where('d.code', 'is not', null)
    .where((eb) => eb.or([eb('p.synced_version', 'is', null), eb('p.synced_version', '<', eb.ref('d.version'))]))
    .orderBy('d.received_at')
    .orderBy('d.code')
  if (options.limit !== undefined) query = query.limit(options.limit)
  const rows = await query.execute()
  return rows.map((r) => ({
    dossierId: r.id,
    code: r.code as string,
    version: r.version,
    syncedVersion: r.synced_version ?? 0,
    lastError: r.last_error ?? null,
  }))
}

export type Reconciliation = {
  /** Dossiers found out of sync. */
  readonly outOfSync: number
  /** Of those, how many the portal now acknowledged. */
  readonly sent: number
  readonly failed: readonly { readonly code: string; readonly error: string }[]
}

/** Đối soát: re-sends every out-of-sync dossier, one at a time; a failure does not stop the others. */
export async function reconcile(options: PortalSyncOptions & { limit?: number }): Promise<Reconciliation> {
  const pending = await outOfSync(options.db, { limit: options.limit })
  let sent = 0
  const failed: { code: string; error: string }[] = []
  for (const d of pending) {
    try {
      if ((await syncDossier(options, d.dossierId)).kind === 'sent') sent++
    } catch (error) {
      failed.push({ code: d.code, error: error instanceof Error ? error.message : String(error) })
    }
  }
  return { outOfSync: pending.length, sent, failed }
}

export type SyncRate = { readonly received: number; readonly synced: number; readonly rate: Ratio }

/** Tỷ lệ đồng bộ: received dossiers whose current version the portal holds ÷ all received (rules.md §8). */
export async function syncRate(db: Db): Promise<SyncRate> {
  const row = await db
    .selectFrom('dossiers as d')
    .leftJoin('portal_sync as p', 'p.dossier_id', 'd.id')
    .where('d.code', 'is not', null)
    .select((eb) => [
      eb.fn.countAll<number>().as('received'),
      eb.fn.count<number>('p.dossier_id').filterWhere('p.synced_version', '>=', eb.ref('d.version')).as('synced'),
    ])
    .executeTakeFirstOrThrow()
  const received = Number(row.received)
  const synced = Number(row.synced)
  return { received, synced, rate: ratio(synced, received) }
}

/** The national portal as a consumer of the outbox: every dossier message triggers a sync of that dossier. */
export function nationalPortalConsumer(options: PortalSyncOptions): Consumer {
  return {
    name: 'national-portal',
    accepts: (message) => message.topic.startsWith('dossier.'),
    async deliver(message) {
      await syncDossier(options, message.payload.dossierId)
    },
  }
}
