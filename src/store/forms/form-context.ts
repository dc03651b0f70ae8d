import { type DayNumber, instantAt, isoDate } from '../../domain/calendar/local-time.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import type { FormContext } from '../../domain/forms/build.ts'
import { procedureForm } from '../catalog/procedure-forms.ts'
import type { Db } from '../database.ts'
import { placeNames } from '../declarations/place-names.ts'

/** Agency names in force on `day` (else the last one before it), by id. */
export async function agencyNames(db: Db, ids: readonly string[], day: string): Promise<Record<string, string>> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return {}
  const rows = await db
    .selectFrom('agency_names')
    .select(['agency_id', 'name', 'valid_from', 'valid_to'])
    .where('agency_id', 'in', wanted)
    .execute()
  const names: Record<string, string> = {}
  const chosenFrom: Record<string, string> = {}
  for (const r of rows) {
    const from = String(r.valid_from).slice(0, 10)
    const to = r.valid_to === null ? null : String(r.valid_to).slice(0, 10)
    if (from > day) continue
    const inForce = to === null || to >= day
    const key = `${inForce ? 1 : 0}${from}`
    if (!(r.agency_id in chosenFrom) || key > (chosenFrom[r.agency_id] as string)) {
      chosenFrom[r.agency_id] = key
      names[r.agency_id] = r.name
    }
  }
  return names
}

/** The province's name: the place of the place-and-date line. */
async function placeOf(db: Db, agencyId: string): Promise<string> {
  const row = await db
    .selectFrom('agencies as a')
    .innerJoin('provinces as p', 'p.code', 'a.province_code')
    .select('p.name')
    .where('a.id', '=', agencyId)
    .executeTakeFirst()
  return (row?.name ?? '').replace(/^Tỉnh\s+|^Thành phố\s+/i, '')
}

/** Names a dossier's forms print: agencies, the procedure version's name, documents, fees, legal basis, the declaration's form. */
export async function formContext(db: Db, d: Dossier, today: string, baseUrl: string): Promise<FormContext | null> {
  const version = await db
    .selectFrom('procedure_versions')
    .select(['name', 'required_documents', 'fees', 'legal_basis'])
    .where('procedure_code', '=', d.procedure.code)
    .where('version', '=', d.procedure.version)
    .executeTakeFirst()
  if (!version) return null
  const ids = [d.receivingAgencyId, d.processingAgencyId, d.holderAgencyId, ...d.steps.map((s) => s.agencyId)]
  ids.push(...d.supplementRequests.map((s) => s.agencyId))
  if (d.receptionGuidance) ids.push(d.receptionGuidance.agencyId)
  const declaration = d.declaration ?? null
  const [declarationForm, names] = declaration
    ? await Promise.all([
        procedureForm(db, d.procedure.code, d.procedure.version, declaration.formVersion),
        placeNames(db, declaration.data, today),
      ])
    : [null, {}]
  return {
    agencyNames: await agencyNames(
      db,
      ids.filter((id): id is string => id !== null),
      today,
    ),
    place: await placeOf(db, d.receivingAgencyId),
    procedure: {
      name: version.name,
      requiredDocuments: version.required_documents,
      fees: version.fees,
      legalBasis: version.legal_basis,
    },
    baseUrl,
    declarationForm,
    placeNames: names,
  }
}

/** The dossiers a receiving unit received in [from, to] (local days), with the names form 07 prints. */
export async function trackingBookData(db: Db, agencyId: string, from: DayNumber, to: DayNumber, today: string) {
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', (j) =>
      j.onRef('v.procedure_code', '=', 'd.procedure_code').onRef('v.version', '=', 'd.procedure_version'),
    )
    .select(['d.state', 'd.procedure_code', 'v.name'])
    .where('d.receiving_agency_id', '=', agencyId)
    .where('d.received_at', '>=', new Date(instantAt(from, 0)))
    .where('d.received_at', '<', new Date(instantAt(to + 1, 0)))
    .orderBy('d.received_at')
    .limit(5000)
    .execute()
  const dossiers = rows.flatMap((r) => (r.state ? [r.state] : []))
  const procedureNames: Record<string, string> = {}
  for (const r of rows) procedureNames[r.procedure_code] = r.name
  const ids = [agencyId, ...dossiers.flatMap((d) => (d.processingAgencyId ? [d.processingAgencyId] : []))]
  return {
    dossiers,
    agencyNames: await agencyNames(db, ids, today),
    procedureNames,
    place: await placeOf(db, agencyId),
    period: { from: isoDate(from), to: isoDate(to) },
  }
}
