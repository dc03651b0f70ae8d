import { sql } from 'kysely'
import type { DossierEvent } from '../../domain/dossier/events.ts'
import { type QueueRole, QueueStatuses } from '../../domain/dossier/queues.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import type { Db } from '../database.ts'
import { isUuid } from '../uuid.ts'
import { checkedEvent, checkedState } from './stored-json.ts'

/** A dossier by id or code, with its state as stored in the projection. */
export async function loadDossier(db: Db, ref: string): Promise<{ id: string; state: Dossier } | null> {
  const row = await db
    .selectFrom('dossiers')
    .select(['id', 'state'])
    .where(isUuid(ref) ? 'id' : 'code', '=', ref)
    .executeTakeFirst()
  return row?.state ? { id: row.id, state: checkedState(row.id, row.state) } : null
}

/** The dossier's events in order: its whole history, or the part before sequence number `before`. */
export async function loadEvents(
  db: Db,
  id: string,
  range: { before?: number } = {},
): Promise<{ seq: number; event: DossierEvent }[]> {
  let query = db.selectFrom('dossier_events').select(['seq', 'payload']).where('dossier_id', '=', id)
  if (range.before !== undefined) query = query.where('seq', '<', range.before)
  const rows = await query.orderBy('seq').execute()
  return rows.map((r) => ({ seq: r.seq, event: checkedEvent(id, r.seq, r.payload) }))
}

export type DossierFile = {
  readonly sha256: string
  readonly component: string
  readonly name: string | null
  readonly mediaType: string
  readonly size: number
}

/** The files linked to a dossier, in upload order. */
export async function loadDossierFiles(db: Db, id: string): Promise<DossierFile[]> {
  const rows = await db
    .selectFrom('dossier_files as l')
    .innerJoin('files as f', 'f.sha256', 'l.sha256')
    .select(['l.sha256', 'l.component_name', 'l.original_name', 'f.media_type', 'f.size'])
    .where('l.dossier_id', '=', id)
    .orderBy('l.uploaded_at')
    .execute()
  return rows.map((f) => ({
    sha256: f.sha256,
    component: f.component_name,
    name: f.original_name,
    mediaType: f.media_type,
    size: Number(f.size),
  }))
}

export type QueueRow = {
  id: string
  code: string | null
  procedure_code: string
  status: number
  current_phase: string | null
  appointment_at: Date | null
  current_step_due_at: Date | null
  applicant_name: string | null
  assignee_id: string | null
  procedure_name: string
  /** The newest deadline alert of the dossier (the queue's mark), null without one. */
  alert_kind: string | null
}

/**
 * Hàng đợi: what a role at an agency has to act on, most urgent first (the current step's due time,
 * else the appointment). Counter: online submissions, received dossiers to transfer, supplements and
 * payments awaited, results to return. Specialist: appraisal and coordination at the agency (own or
 * unassigned). Leader: unassigned appraisals and approvals. Clerk: results to issue.
 */
export async function queue(
  db: Db,
  role: QueueRole,
  agencyId: string,
  actorId: string,
  limit: number,
): Promise<QueueRow[]> {
  let query = db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', (j) =>
      j.onRef('v.procedure_code', '=', 'd.procedure_code').onRef('v.version', '=', 'd.procedure_version'),
    )
    .select([
      'd.id',
      'd.code',
      'd.procedure_code',
      'd.status',
      'd.current_phase',
      'd.appointment_at',
      'd.current_step_due_at',
      sql<string | null>`d.applicant->>'name'`.as('applicant_name'),
      'd.assignee_id',
      'v.name as procedure_name',
      (eb) =>
        eb
          .selectFrom('deadline_alerts as a')
          .select('a.kind')
          .whereRef('a.dossier_id', '=', 'd.id')
          .orderBy('a.raised_at', 'desc')
          .orderBy('a.id', 'desc')
          .limit(1)
          .as('alert_kind'),
    ])
    .where('d.status', 'in', [...QueueStatuses[role]])
  switch (role) {
    case 'counter_officer':
      query = query.where('d.receiving_agency_id', '=', agencyId)
      break
    case 'specialist':
      query = query
        .where('d.holder_agency_id', '=', agencyId)
        .where('d.current_phase', 'in', ['appraisal', 'coordination'])
        .where((eb) => eb.or([eb('d.assignee_id', '=', actorId), eb('d.assignee_id', 'is', null)]))
      break
    case 'leader':
      query = query
        .where('d.holder_agency_id', '=', agencyId)
        .where((eb) =>
          eb.or([
            eb('d.current_phase', '=', 'approval'),
            eb.and([eb('d.current_phase', '=', 'appraisal'), eb('d.assignee_id', 'is', null)]),
          ]),
        )
      break
    case 'clerk':
      query = query.where('d.processing_agency_id', '=', agencyId).where('d.current_phase', '=', 'issue')
      break
  }
  return (await query
    .orderBy(
      (eb) => eb.fn.coalesce('d.current_step_due_at', 'd.appointment_at'),
      (ob) => ob.asc().nullsLast(),
    )
    .orderBy('d.submitted_at')
    .limit(limit)
    .execute()) as QueueRow[]
}
