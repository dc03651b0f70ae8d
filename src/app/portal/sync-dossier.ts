import type { PortalClient, PortalReply } from '../../adapters/national-portal/portal-client.ts'
import { OnlinePaymentPlatform, portalRecord } from '../../adapters/national-portal/portal-record.ts'
import type { Db } from '../../store/database.ts'
import { loadEvents } from '../../store/dossiers/dossier-queries.ts'
import { markPortalSynced } from '../../store/kpi/portal-synced.ts'
import {
  dossierHead,
  outOfSync,
  portalCodesOf,
  recordFailure,
  recordSynced,
  syncedVersion,
} from '../../store/portal/portal-sync.ts'

export type PortalSyncOptions = {
  readonly db: Db
  readonly client: PortalClient
  /** motcua's public address, for the e-result link (`DuongDanTepTinKetQua`). */
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

/**
 * Đồng bộ một hồ sơ: sends the dossier's CURRENT record unless the portal already acknowledged its
 * version, then remembers the version. Sending the current state rather than the message's event
 * makes redelivered and out-of-order messages harmless. The e-result link comes from the
 * `electronic-result-issued` event, whose own message triggers this sync, so the portal has the link
 * as soon as the signed PDF exists. A failure is remembered and rethrown.
 */
export async function syncDossier(options: PortalSyncOptions, dossierId: string): Promise<SyncOutcome> {
  const { db, client } = options
  const now = options.now ?? (() => new Date())
  const head = await dossierHead(db, dossierId)
  if (!head?.state || head.code === null) return { kind: 'not-syncable' }
  if ((await syncedVersion(db, dossierId)) >= head.version) return { kind: 'up-to-date' }
  const history = (await loadEvents(db, dossierId)).map((e) => e.event)
  const { resultSha256, ...codes } = await portalCodesOf(db, dossierId, head.state)
  const record = portalRecord(history, {
    ...codes,
    resultLink:
      resultSha256 === null
        ? null
        : new URL(`/api/dossiers/${dossierId}/files/${resultSha256}`, options.publicBaseUrl).toString(),
    // motcua's online payments go through the province's own gateway (VNPay, src/adapters/payment).
    onlinePayment: OnlinePaymentPlatform.Provincial,
  })
  if (!record) return { kind: 'not-syncable' }
  try {
    const reply = await client.send(record)
    // One transaction: a crash between the two would leave the version acknowledged (never sent
    // again) and the dossier uncounted by indicator 1.4 for good.
    await db.transaction().execute(async (tx) => {
      await recordSynced(tx, dossierId, record.PhienBan, now())
      await markPortalSynced(tx, dossierId)
    })
    return { kind: 'sent', version: record.PhienBan, reply }
  } catch (error) {
    await recordFailure(db, dossierId, error, now())
    throw error
  }
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
