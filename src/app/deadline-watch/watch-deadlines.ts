import type { Transaction } from 'kysely'
import { type Alert, AlertKind, alertsDue } from '../../domain/deadline-watch/alerts-due.ts'
import { supplementExpiredStop } from '../../domain/deadline-watch/wording.ts'
import { type Actor, Role } from '../../domain/dossier/actor.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import {
  raisedKeys,
  recordAlert,
  type WatchedDossier,
  watchedDossiers,
} from '../../store/deadline-watch/deadline-alerts.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'
import type { Database } from '../../store/schema.ts'

/** The watcher acts as motcua itself: the `stop` guard lets the system stop only a dossier whose supplement limit passed. */
export const watcherActor: Actor = { id: 'deadline-watcher', name: 'motcua', role: Role.System, agencyId: null }

export type WatchDeps = { readonly db: Db; readonly engine: ReturnType<typeof dossierCommands> }
export type WatchRound = { readonly raised: number; readonly stopped: number; readonly skipped: number }

/** A warning is due at most one working day before a deadline: 15 calendar days covers the longest holiday. */
const lookAheadMs = 15 * 86_400_000

/** The stop was refused or lost a race: nothing of the alert is kept, the next round sees the new state. */
class StopNotTaken extends Error {}

/**
 * Theo dõi thời hạn: one round of the deadline watcher. For every open dossier near a deadline, the
 * alerts due now (the domain's `alertsDue`) not yet raised are recorded, each in its own transaction
 * with its recipients and an audit row, under a unique key (a second server or a restart raises
 * nothing twice); a passed supplement limit also stops the dossier through the engine as the system
 * (audited event, form 05 notice to the applicant through the outbox).
 */
export async function watchDeadlines(deps: WatchDeps, now: Date): Promise<WatchRound> {
  const calendar = await deps.engine.calendars()
  const dossiers = await watchedDossiers(deps.db, new Date(now.getTime() + lookAheadMs))
  const raised = await raisedKeys(
    deps.db,
    dossiers.map((d) => d.id),
  )
  let count = { raised: 0, stopped: 0, skipped: 0 }
  for (const dossier of dossiers) {
    const terms = { calendar, supplementLimitDays: dossier.supplementLimitDays }
    const due = alertsDue(dossier.state, now.getTime(), terms).filter((a) => !raised.has(`${dossier.id} ${a.key}`))
    for (const alert of due) {
      const outcome = await raise(deps, dossier, alert, now)
      count = {
        raised: count.raised + (outcome === 'skipped' ? 0 : 1),
        stopped: count.stopped + (outcome === 'stopped' ? 1 : 0),
        skipped: count.skipped + (outcome === 'skipped' ? 1 : 0),
      }
    }
  }
  return count
}

async function raise(
  deps: WatchDeps,
  dossier: WatchedDossier,
  alert: Alert,
  now: Date,
): Promise<'raised' | 'stopped' | 'skipped'> {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      if (!(await recordAlert(tx, dossier.id, alert, now))) return 'skipped'
      await appendAudit(tx, {
        at: now,
        actor: watcherActor.id,
        action: `deadline-alert.${alert.kind}`,
        subject: `dossier:${dossier.id}`,
        before: null,
        after: { key: alert.key, due: alert.due, deadline: alert.deadline, recipients: alert.recipients },
      })
      if (alert.kind !== AlertKind.SupplementExpired) return 'raised'
      await stop(deps, tx, dossier, alert, now)
      return 'stopped'
    })
  } catch (error) {
    if (error instanceof StopNotTaken) return 'skipped'
    throw error
  }
}

async function stop(deps: WatchDeps, tx: Transaction<Database>, dossier: WatchedDossier, alert: Alert, now: Date) {
  const { reason, legalBasis } = supplementExpiredStop(dossier.supplementLimitDays ?? 0)
  const outcome = await deps.engine.run(
    dossier.id,
    { action: 'stop', actor: watcherActor, reason, legalBasis },
    dossier.version,
    { idempotencyKey: `deadline-watch:${dossier.id}:${alert.key}`, now, transaction: tx },
  )
  if (!outcome.ok) throw new StopNotTaken()
}
