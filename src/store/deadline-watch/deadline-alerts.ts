import { sql } from 'kysely'
import type { EpochMs } from '../../domain/calendar/local-time.ts'
import type { Alert, AlertKind } from '../../domain/deadline-watch/alerts-due.ts'
import type { Role } from '../../domain/dossier/actor.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { DossierStatus, openStatuses } from '../../domain/dossier/status.ts'
import type { Db } from '../database.ts'
import { checkedState } from '../dossiers/stored-json.ts'

/** An open dossier the watcher looks at, with its procedure version's supplement limit. */
export type WatchedDossier = {
  readonly id: string
  readonly version: number
  readonly state: Dossier
  readonly supplementLimitDays: number | null
}

/**
 * Open dossiers whose step or appointment falls before `horizon`, or that wait for a supplement:
 * the only ones an alert can be due for (a warning comes at most one working day before).
 */
export async function watchedDossiers(db: Db, horizon: Date): Promise<WatchedDossier[]> {
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', (j) =>
      j.onRef('v.procedure_code', '=', 'd.procedure_code').onRef('v.version', '=', 'd.procedure_version'),
    )
    .select(['d.id', 'd.version', 'd.state', 'v.supplement_limit_days'])
    .where('d.status', 'in', [...openStatuses])
    .where((eb) =>
      eb.or([
        eb('d.status', '=', DossierStatus.SupplementRequested),
        eb('d.current_step_due_at', '<=', horizon),
        eb('d.appointment_at', '<=', horizon),
      ]),
    )
    .orderBy('d.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    state: checkedState(r.id, r.state),
    supplementLimitDays: r.supplement_limit_days,
  }))
}

/** The alert keys already raised for these dossiers, as `<dossier id> <key>`. */
export async function raisedKeys(db: Db, dossierIds: readonly string[]): Promise<Set<string>> {
  if (dossierIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('deadline_alerts')
    .select(['dossier_id', 'alert_key'])
    .where('dossier_id', 'in', [...dossierIds])
    .execute()
  return new Set(rows.map((r) => `${r.dossier_id} ${r.alert_key}`))
}

/** Records an alert and its recipients; false when the dossier already has one with this key. */
export async function recordAlert(tx: Db, dossierId: string, alert: Alert, now: Date): Promise<boolean> {
  const inserted = await tx
    .insertInto('deadline_alerts')
    .values({
      dossier_id: dossierId,
      alert_key: alert.key,
      kind: alert.kind,
      due_at: new Date(alert.due),
      deadline_at: new Date(alert.deadline),
      raised_at: now,
    })
    .onConflict((oc) => oc.columns(['dossier_id', 'alert_key']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!inserted) return false
  await tx
    .insertInto('deadline_alert_recipients')
    .values(
      alert.recipients.map((r) => ({ alert_id: inserted.id, agency_id: r.agencyId, role: r.role, user_id: r.userId })),
    )
    .execute()
  return true
}

/** An alert as an officer sees it. */
export type AlertRow = {
  readonly dossierId: string
  readonly code: string | null
  readonly kind: AlertKind
  readonly dueAt: EpochMs
  readonly deadlineAt: EpochMs
  readonly raisedAt: EpochMs
}

/**
 * The alerts addressed to an officer: to their account, or to a role they hold at the agency, newest
 * first. Only alerts of dossiers still open (a finished dossier's alerts are history).
 */
export async function alertsFor(
  db: Db,
  userId: string,
  grants: readonly { readonly role: Role; readonly agencyId: string }[],
  limit: number,
): Promise<AlertRow[]> {
  if (grants.length === 0) return []
  const rows = await db
    .selectFrom('deadline_alerts as a')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .select(['a.dossier_id', 'd.code', 'a.kind', 'a.due_at', 'a.deadline_at', 'a.raised_at'])
    .where('d.status', 'in', [...openStatuses])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('deadline_alert_recipients as r')
          .select(sql`1`.as('one'))
          .whereRef('r.alert_id', '=', 'a.id')
          .where((eb) => eb.or([eb('r.user_id', 'is', null), eb('r.user_id', '=', userId)]))
          .where((eb) =>
            eb.or(grants.map((g) => eb.and([eb('r.agency_id', '=', g.agencyId), eb('r.role', '=', g.role)]))),
          ),
      ),
    )
    .orderBy('a.raised_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    dossierId: r.dossier_id,
    code: r.code,
    kind: r.kind as AlertKind,
    dueAt: r.due_at.getTime(),
    deadlineAt: r.deadline_at.getTime(),
    raisedAt: r.raised_at.getTime(),
  }))
}
