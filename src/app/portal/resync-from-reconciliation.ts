import type { PortalListingClient } from '../../adapters/national-portal/portal-listing.ts'
import type { ReconciliationLists } from '../../domain/portal/reconciliation.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import { loadEvents } from '../../store/dossiers/dossier-queries.ts'
import { dossierHead, requestResend } from '../../store/portal/portal-sync.ts'
import { checkInbound, type IntakeDeps, type IntakeOutcome, receiveInbound, refuseDelivery } from './intake-dossier.ts'

export type ResendOutcome =
  | { readonly kind: 'queued'; readonly version: number; readonly previouslyAcknowledged: number }
  | { readonly kind: 'not-syncable' }

/**
 * Đồng bộ lại (motcua's side of a difference): the dossier's current version goes to the portal again
 * through the outbox, so the relay's order per dossier, retries and dead letters hold as for every
 * sync. Only received dossiers (with a code) are synced (rules.md §8). Audited in the same transaction.
 */
export async function resendDossier(
  db: Db,
  request: { dossierId: string; actor: string; now: Date },
): Promise<ResendOutcome> {
  return db.transaction().execute(async (tx) => {
    const head = await dossierHead(tx, request.dossierId)
    if (!head?.state || head.code === null) return { kind: 'not-syncable' } as const
    const last = (await loadEvents(tx, request.dossierId, { before: head.version + 1 })).at(-1)
    if (!last) return { kind: 'not-syncable' } as const
    const previouslyAcknowledged = await requestResend(
      tx,
      {
        dossierId: request.dossierId,
        code: head.code,
        version: head.version,
        status: head.state.status,
        event: last.event,
      },
      request.now,
    )
    await appendAudit(tx, {
      at: request.now,
      actor: request.actor,
      action: 'portal-reconciliation.resend',
      subject: `dossier:${request.dossierId}`,
      before: { acknowledgedVersion: previouslyAcknowledged },
      after: { resendVersion: head.version },
    })
    return { kind: 'queued', version: head.version, previouslyAcknowledged } as const
  })
}

export type RepullOutcome =
  | IntakeOutcome
  | { readonly kind: 'not-found' }
  | { readonly kind: 'invalid'; readonly detail: string }

/**
 * Lấy lại hồ sơ từ Cổng (the portal's side): the national dossier fetched by its id and taken in
 * through the ordinary intake, whose key (`MaHoSoQuocGia`) makes a repeat land on the same dossier.
 * The request and what it came to are audited.
 */
export async function repullNationalDossier(
  deps: IntakeDeps & { readonly listing: Pick<PortalListingClient, 'nationalDossier'> },
  request: { nationalId: string; actor: string },
): Promise<RepullOutcome> {
  const body = await deps.listing.nationalDossier(request.nationalId)
  const outcome = await intakeOf(deps, body, request.nationalId)
  await appendAudit(deps.db, {
    at: deps.now(),
    actor: request.actor,
    action: 'portal-reconciliation.repull',
    subject: request.nationalId,
    before: null,
    after: outcome,
  })
  return outcome
}

async function intakeOf(deps: IntakeDeps, body: unknown, nationalId: string): Promise<RepullOutcome> {
  if (body === null) return { kind: 'not-found' }
  const checked = checkInbound(body)
  if (!checked.ok) {
    await refuseDelivery(deps.db, 'pull', body, 'invalid-body', checked.detail, deps.now())
    return { kind: 'invalid', detail: checked.detail }
  }
  if (checked.dossier.MaHoSoQuocGia !== nationalId)
    return { kind: 'invalid', detail: `the platform answered ${checked.dossier.MaHoSoQuocGia} for ${nationalId}` }
  return receiveInbound(deps, checked.dossier, 'pull')
}

/** One row of a reconciliation to act on: motcua's dossier to resend, or the portal's national dossier to re-pull. */
export type ResyncRow =
  | { readonly kind: 'resend'; readonly dossierId: string }
  | { readonly kind: 'repull'; readonly nationalId: string }

export type ResyncResult = {
  readonly row: ResyncRow
  readonly outcome: ResendOutcome | RepullOutcome | { readonly kind: 'failed'; readonly detail: string }
}

/**
 * The rows a reconciliation can act on: every motcua-only and mismatched dossier is resent; every
 * portal-only dossier with a national id is re-pulled (one the portal knows only by a motcua code
 * motcua lacks has nothing to pull, and is left to the operator).
 */
export function rowsToResync(items: ReconciliationLists): ResyncRow[] {
  return [
    ...items.motcuaOnly.map((d) => ({ kind: 'resend', dossierId: d.dossierId }) as const),
    ...items.mismatched.map((m) => ({ kind: 'resend', dossierId: m.local.dossierId }) as const),
    ...items.portalOnly.flatMap((p) =>
      p.nationalId === null ? [] : [{ kind: 'repull', nationalId: p.nationalId } as const],
    ),
  ]
}

/** Acts on each row in turn; a row the portal cannot serve now is reported, and the others still run. */
export async function resyncRows(
  deps: IntakeDeps & { readonly listing: Pick<PortalListingClient, 'nationalDossier'> },
  rows: readonly ResyncRow[],
  actor: string,
): Promise<ResyncResult[]> {
  const results: ResyncResult[] = []
  for (const row of rows) {
    try {
      const outcome =
        row.kind === 'resend'
          ? await resendDossier(deps.db, { dossierId: row.dossierId, actor, now: deps.now() })
          : await repullNationalDossier(deps, { nationalId: row.nationalId, actor })
      results.push({ row, outcome })
    } catch (error) {
      results.push({
        row,
        outcome: { kind: 'pending', detail: error instanceof Error ? error.message : String(error) },
      })
    }
  }
  return results
}
