import type { Insertable, QueryCreator, Selectable } from 'kysely'
import type { Channel, DossierStatus, Satisfaction } from '../../domain/dossier/status.ts'
import type { DossierFacts } from '../../domain/kpi/facts.ts'
import type { Db } from '../database.ts'
import type { Database } from '../schema.ts'

type Row = Database['kpi_dossiers']

const at = (ms: number | null) => (ms === null ? null : new Date(ms))

export function factsRow(f: DossierFacts): Insertable<Row> {
  return {
    dossier_id: f.dossierId,
    code: f.code,
    origin: f.origin,
    status: f.status,
    agency_id: f.agencyId,
    field_id: f.fieldId,
    procedure_code: f.procedureCode,
    channel: f.channel,
    received_at: new Date(f.receivedAt),
    deadline_at: at(f.deadlineAt),
    supplement_requests: f.supplementRequests,
    second_supplement_at: at(f.secondSupplementAt),
    pending_supplement_since: at(f.pendingSupplementSince),
    end_kind: f.end?.kind ?? null,
    ended_at: at(f.end?.at ?? null),
    working_minutes: f.workingMinutes,
    fee_vnd: f.feeVnd,
    paid_online: f.paidOnline,
    result_is_document: f.resultIsDocument,
    e_result: f.eResult,
    digitized: f.digitized,
    reused: f.reused,
    citizen: f.citizen,
    vneid: f.vneid,
    portal_synced: f.portalSynced,
    rating: f.rating,
    complaint: f.complaint,
    apology: f.apology,
    steps: JSON.stringify(f.steps),
  }
}

const ms = (d: Date | null) => (d === null ? null : d.getTime())

export function factsOfRow(r: Selectable<Row>): DossierFacts {
  return {
    dossierId: r.dossier_id,
    code: r.code,
    origin: r.origin,
    status: r.status as DossierStatus,
    agencyId: r.agency_id,
    fieldId: r.field_id,
    procedureCode: r.procedure_code,
    channel: r.channel as Channel,
    receivedAt: r.received_at.getTime(),
    deadlineAt: ms(r.deadline_at),
    supplementRequests: r.supplement_requests,
    secondSupplementAt: ms(r.second_supplement_at),
    pendingSupplementSince: ms(r.pending_supplement_since),
    end: r.end_kind === null || r.ended_at === null ? null : { kind: r.end_kind, at: r.ended_at.getTime() },
    workingMinutes: r.working_minutes,
    feeVnd: Number(r.fee_vnd),
    paidOnline: r.paid_online,
    resultIsDocument: r.result_is_document,
    eResult: r.e_result,
    digitized: r.digitized,
    reused: r.reused,
    citizen: r.citizen,
    vneid: r.vneid,
    portalSynced: r.portal_synced,
    rating: r.rating as Satisfaction | null,
    complaint: r.complaint,
    apology: r.apology,
    steps: r.steps as DossierFacts['steps'],
  }
}

export async function loadFacts(db: Db, dossierIds: readonly string[]): Promise<Map<string, DossierFacts>> {
  if (dossierIds.length === 0) return new Map()
  const rows = await db.selectFrom('kpi_dossiers').selectAll().where('dossier_id', 'in', dossierIds).execute()
  return new Map(rows.map((r) => [r.dossier_id, factsOfRow(r)]))
}

/**
 * Inserts or replaces the facts rows (a statement, or a step of a larger one). With `storedEResult`, a
 * stored row is replaced only if its e-result is still that one (the caller read it without a lock).
 */
export function upsertFactsRows(
  q: QueryCreator<Database>,
  facts: readonly DossierFacts[],
  options: { storedEResult?: boolean } = {},
) {
  return upsertFactsRowValues(q, facts.map(factsRow), options)
}

/** `upsertFactsRows` of rows already made by `factsRow` (a shaped statement passes them as values). */
export function upsertFactsRowValues(
  q: QueryCreator<Database>,
  rows: readonly Insertable<Row>[],
  options: { storedEResult?: boolean } = {},
) {
  const cols = Object.keys(rows[0] ?? {}).filter((c) => c !== 'dossier_id')
  const { storedEResult } = options
  return q
    .insertInto('kpi_dossiers')
    .values([...rows])
    .onConflict((oc) => {
      const update = oc
        .column('dossier_id')
        .doUpdateSet((eb) => Object.fromEntries(cols.map((c) => [c, eb.ref(`excluded.${c}` as 'excluded.code')])))
      return storedEResult === undefined ? update : update.where('kpi_dossiers.e_result', '=', storedEResult)
    })
}

export async function writeFactsRows(db: Db, facts: readonly DossierFacts[], batchSize = 1000): Promise<void> {
  for (let i = 0; i < facts.length; i += batchSize) await upsertFactsRows(db, facts.slice(i, i + batchSize)).execute()
}
