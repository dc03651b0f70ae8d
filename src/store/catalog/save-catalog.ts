import type { Catalog } from '../../domain/catalog/catalog.ts'
import type { Db } from '../database.ts'
import { stepRows, versionRow } from './version-row.ts'

const json = (value: unknown) => JSON.stringify(value)

/**
 * Writes a province's catalogue in one transaction, inserting or updating every row, so running
 * `migrate` again upgrades the catalogue in place and never duplicates it.
 */
export async function saveCatalog(db: Db, catalog: Catalog): Promise<void> {
  const province = catalog.province.code
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('provinces')
      .values({ code: province, name: catalog.province.name, root_agency_id: catalog.province.rootAgencyId })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          root_agency_id: eb.ref('excluded.root_agency_id'),
        })),
      )
      .execute()
    await tx
      .insertInto('agencies')
      .values(
        catalog.agencies.map((a) => ({
          id: a.id,
          province_code: province,
          kind: a.kind,
          parent_id: a.parentId,
          statistical_code: a.statisticalCode,
          office_hours: json(a.officeHours),
          source: json(a.source),
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          parent_id: eb.ref('excluded.parent_id'),
          statistical_code: eb.ref('excluded.statistical_code'),
          office_hours: eb.ref('excluded.office_hours'),
          source: eb.ref('excluded.source'),
        })),
      )
      .execute()
    const agencyIds = catalog.agencies.map((a) => a.id)
    await tx.deleteFrom('agency_names').where('agency_id', 'in', agencyIds).execute()
    await tx.deleteFrom('agency_codes').where('agency_id', 'in', agencyIds).execute()
    await tx.deleteFrom('agency_successions').where('predecessor_id', 'in', agencyIds).execute()
    await insertAll(
      catalog.agencies.flatMap((a) =>
        a.names.map((n) => ({ agency_id: a.id, name: n.name, valid_from: n.validFrom, valid_to: n.validTo })),
      ),
      (rows) => tx.insertInto('agency_names').values(rows).execute(),
    )
    await insertAll(
      catalog.agencies.flatMap((a) =>
        a.codes.map((c) => ({
          code: c.code,
          agency_id: a.id,
          valid_from: c.validFrom,
          valid_to: c.validTo,
          confirmed: c.confirmed,
        })),
      ),
      (rows) => tx.insertInto('agency_codes').values(rows).execute(),
    )
    await insertAll(
      catalog.agencies.flatMap((a) =>
        a.successors.map((s) => ({
          predecessor_id: a.id,
          successor_id: s.successorId,
          effective_on: s.effectiveOn,
          partial: s.partial,
        })),
      ),
      (rows) => tx.insertInto('agency_successions').values(rows).execute(),
    )
    await insertAll(
      catalog.fields.map((f) => ({ id: f.id, name: f.name, name_en: f.nameEn })),
      (rows) =>
        tx
          .insertInto('fields')
          .values(rows)
          .onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), name_en: eb.ref('excluded.name_en') })),
          )
          .execute(),
    )
    await saveProcedures(tx, catalog)
  })
}

async function saveProcedures(tx: Db, catalog: Catalog): Promise<void> {
  const province = catalog.province.code
  await insertAll(
    catalog.procedures.map((p) => ({ code: p.code, province_code: province, national_code: p.nationalCode })),
    (rows) =>
      tx
        .insertInto('procedures')
        .values(rows)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({ national_code: eb.ref('excluded.national_code') })),
        )
        .execute(),
  )
  const versions = catalog.procedures.flatMap((p) => p.versions.map((v) => ({ code: p.code, v })))
  // Only the file's own versions: a version a catalogue sync added keeps its steps.
  await tx
    .deleteFrom('procedure_steps')
    .where((eb) =>
      eb(
        eb.refTuple('procedure_code', 'version'),
        'in',
        versions.map(({ code, v }) => eb.tuple(code, v.version)),
      ),
    )
    .execute()
  await insertAll(
    versions.map(({ code, v }) => versionRow(code, v)),
    (rows) =>
      tx
        .insertInto('procedure_versions')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['procedure_code', 'version']).doUpdateSet((eb) => ({
            effective_from: eb.ref('excluded.effective_from'),
            effective_to: eb.ref('excluded.effective_to'),
            name: eb.ref('excluded.name'),
            field_id: eb.ref('excluded.field_id'),
            level: eb.ref('excluded.level'),
            competent_agency_kind: eb.ref('excluded.competent_agency_kind'),
            competent_agency_id: eb.ref('excluded.competent_agency_id'),
            legal_basis: eb.ref('excluded.legal_basis'),
            time_limit: eb.ref('excluded.time_limit'),
            online_time_limit: eb.ref('excluded.online_time_limit'),
            statutory_time_limit: eb.ref('excluded.statutory_time_limit'),
            cutoff_time: eb.ref('excluded.cutoff_time'),
            online_level: eb.ref('excluded.online_level'),
            full_online_eligible: eb.ref('excluded.full_online_eligible'),
            fees: eb.ref('excluded.fees'),
            required_documents: eb.ref('excluded.required_documents'),
            result_kind: eb.ref('excluded.result_kind'),
            result_name: eb.ref('excluded.result_name'),
            supplement_limit_days: eb.ref('excluded.supplement_limit_days'),
            payment_pauses_clock: eb.ref('excluded.payment_pauses_clock'),
            any_location: eb.ref('excluded.any_location'),
            inter_agency: eb.ref('excluded.inter_agency'),
            source: eb.ref('excluded.source'),
            publication: eb.ref('excluded.publication'),
            reduced_by: eb.ref('excluded.reduced_by'),
            local_review: eb.ref('excluded.local_review'),
          })),
        )
        .execute(),
  )
  await insertAll(
    versions.flatMap(({ code, v }) => stepRows(code, v)),
    (rows) => tx.insertInto('procedure_steps').values(rows).execute(),
  )
  await insertAll(
    versions.flatMap(({ code, v }) =>
      v.form ? [{ procedure_code: code, version: v.version, form_version: v.form.version, form: json(v.form) }] : [],
    ),
    (rows) =>
      tx
        .insertInto('procedure_forms')
        .values(rows)
        .onConflict((oc) =>
          oc
            .columns(['procedure_code', 'version', 'form_version'])
            .doUpdateSet((eb) => ({ form: eb.ref('excluded.form') })),
        )
        .execute(),
  )
}

/** Multi-row inserts in chunks that stay under PostgreSQL's 65,535 bind parameters. */
async function insertAll<Row extends object>(rows: Row[], insert: (chunk: Row[]) => Promise<unknown>): Promise<void> {
  const chunkSize = 500
  for (let i = 0; i < rows.length; i += chunkSize) await insert(rows.slice(i, i + chunkSize))
}
