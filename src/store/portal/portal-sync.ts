import { sql } from 'kysely'
import { localDate } from '../../domain/calendar/local-time.ts'
import type { DossierEvent } from '../../domain/dossier/events.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { type Ratio, ratio } from '../../domain/kpi/ratio.ts'
import type { Db } from '../database.ts'

/** The version of the dossier the portal last acknowledged (0: never). */
export async function syncedVersion(db: Db, dossierId: string): Promise<number> {
  const row = await db
    .selectFrom('portal_sync')
    .select('synced_version')
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst()
  return row?.synced_version ?? 0
}

/** The catalogue codes and fees the portal record needs, and the e-result signed before it was an event. */
export async function portalCodesOf(db: Db, dossierId: string, d: Dossier) {
  const day = localDate(new Date(d.receivedAt ?? d.submittedAt))
  const [procedure, version, unit, legacyResult, intake] = await Promise.all([
    db.selectFrom('procedures').select('national_code').where('code', '=', d.procedure.code).executeTakeFirst(),
    db
      .selectFrom('procedure_versions')
      .select(['fees', 'result_name'])
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
    d.electronicResult
      ? undefined
      : db
          .selectFrom('issued_documents')
          .select('sha256')
          .where('dossier_id', '=', dossierId)
          .where('kind', '=', 'result')
          .executeTakeFirst(),
    db.selectFrom('portal_intakes').select('national_id').where('dossier_id', '=', dossierId).executeTakeFirst(),
  ])
  return {
    nationalDossierId: intake?.national_id ?? null,
    procedureNationalCode: procedure?.national_code ?? d.procedure.code,
    agencyCode: unit?.code ?? d.receivingAgencyId,
    fees: (version?.fees ?? []).flatMap((f) =>
      f.amountVnd === null ? [] : [{ name: f.name, amountVnd: f.amountVnd }],
    ),
    resultName: version?.result_name ?? '',
    resultSha256: d.electronicResult?.sha256 ?? legacyResult?.sha256 ?? null,
  }
}

/** The dossier's current version, code and state. */
export async function dossierHead(db: Db, dossierId: string) {
  return db.selectFrom('dossiers').select(['version', 'code', 'state']).where('id', '=', dossierId).executeTakeFirst()
}

export async function recordSynced(db: Db, dossierId: string, version: number, at: Date): Promise<void> {
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

export async function recordFailure(db: Db, dossierId: string, error: unknown, at: Date): Promise<void> {
  const text = error instanceof Error ? error.message : String(error)
  await db
    .insertInto('portal_sync')
    .values({ dossier_id: dossierId, synced_version: 0, synced_at: at, last_error: text })
    .onConflict((oc) => oc.column('dossier_id').doUpdateSet({ last_error: text }))
    .execute()
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

/** The topic of a resend an administrator asked for; only the national-portal consumer takes it. */
export const portalResyncTopic = 'portal.resync'

/**
 * Gửi lại hồ sơ lên Cổng: forgets the portal's acknowledgement (it lost or disagrees with what it was
 * sent) and writes an outbox message carrying the dossier's head, so the relay's national-portal
 * consumer sends the current version again. Returns the version the portal had acknowledged.
 */
export async function requestResend(
  tx: Db,
  head: { dossierId: string; code: string; version: number; status: number; event: DossierEvent },
  at: Date,
): Promise<number> {
  const before = await syncedVersion(tx, head.dossierId)
  await tx.updateTable('portal_sync').set({ synced_version: 0 }).where('dossier_id', '=', head.dossierId).execute()
  await tx
    .insertInto('outbox')
    .values({
      topic: portalResyncTopic,
      message_key: head.dossierId,
      payload: JSON.stringify({
        dossierId: head.dossierId,
        code: head.code,
        seq: head.version,
        status: head.status,
        event: head.event,
      }),
      created_at: at,
    })
    .execute()
  return before
}
