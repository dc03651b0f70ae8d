import { sql } from 'kysely'
import { type DayNumber, instantAt } from '../../domain/calendar/local-time.ts'
import { Channel } from '../../domain/dossier/status.ts'
import type { DossierActivity } from '../../domain/kpi/online-services.ts'
import type { Db } from '../database.ts'

/**
 * Per processing unit × field × procedure, what the dossiers received in the window show (indicators
 * 1.4, 3.2, 3.5): an online one, one with fee data, motcua's own and those the national portal holds.
 */
export async function windowActivity(
  db: Db,
  q: { from: DayNumber; to: DayNumber; agencyIds?: readonly string[]; fieldId?: string },
): Promise<DossierActivity[]> {
  if (q.agencyIds !== undefined && q.agencyIds.length === 0) return []
  let query = db
    .selectFrom('kpi_dossiers as k')
    // portal_sync keys motcua's dossiers by uuid; imported and demo facts have other ids.
    .leftJoin('portal_sync as p', (j) => j.on(sql<boolean>`p.dossier_id::text = k.dossier_id`))
    .select((eb) => [
      'k.agency_id',
      'k.field_id',
      'k.procedure_code',
      sql<boolean>`bool_or(k.channel = ${Channel.Online})`.as('online'),
      sql<boolean>`bool_or(k.fee_vnd > 0)`.as('fee_data'),
      eb.fn.countAll<number>().filterWhere('k.origin', '=', 'motcua').as('motcua'),
      eb.fn
        .count<number>('p.dossier_id')
        .filterWhere((w) => w.and([w('k.origin', '=', 'motcua'), w('p.synced_version', '>', 0)]))
        .as('synced'),
    ])
    .where('k.received_at', '>=', new Date(instantAt(q.from, 0)))
    .where('k.received_at', '<', new Date(instantAt(q.to + 1, 0)))
    .groupBy(['k.agency_id', 'k.field_id', 'k.procedure_code'])
  if (q.agencyIds !== undefined) query = query.where('k.agency_id', 'in', [...q.agencyIds])
  if (q.fieldId !== undefined) query = query.where('k.field_id', '=', q.fieldId)
  const rows = await query.execute()
  return rows.map((r) => ({
    agencyId: r.agency_id,
    fieldId: r.field_id,
    procedureCode: r.procedure_code,
    online: r.online === true,
    feeData: r.fee_data === true,
    motcua: Number(r.motcua),
    synced: Number(r.synced),
  }))
}
