import { renderResultDocument } from '../../adapters/pdf/result-document.ts'
import { signPdf } from '../../adapters/signing/sign-pdf.ts'
import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import { dateOfDay, dayOf } from '../../domain/calendar/local-time.ts'
import type { Db } from '../database.ts'
import { loadDossier } from '../dossiers/dossier-queries.ts'
import { agencySigner } from '../signing/signing-keys.ts'
import { keepSignedDocument } from './signed-document.ts'

export const resultComponent = 'Kết quả giải quyết'

/**
 * Kết quả điện tử: once the clerk has issued the result, renders it, signs it with the processing
 * agency's certificate, stores it, links it to the dossier, records it for /verify and puts it in
 * the applicant's vault. Idempotent: a second call for the same dossier does nothing.
 * Returns the SHA-256 of the signed PDF, or null when the dossier has no issued result.
 */
export async function issueElectronicResult(
  db: Db,
  storage: FileStorage,
  dossierId: string,
  now: Date,
): Promise<string | null> {
  const found = await loadDossier(db, dossierId)
  const d = found?.state
  if (!found || !d?.result || d.processingAgencyId === null || d.code === null) return null
  const existing = await db
    .selectFrom('issued_documents')
    .select('sha256')
    .where('dossier_id', '=', found.id)
    .where('kind', '=', 'result')
    .executeTakeFirst()
  if (existing) return existing.sha256
  const [agency, procedure] = await Promise.all([
    db
      .selectFrom('agency_names')
      .select('name')
      .where('agency_id', '=', d.processingAgencyId)
      .where('valid_to', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('procedure_versions')
      .select(['name', 'result_name'])
      .where('procedure_code', '=', d.procedure.code)
      .where('version', '=', d.procedure.version)
      .executeTakeFirstOrThrow(),
  ])
  const agencyName = agency?.name ?? d.processingAgencyId
  const day = dateOfDay(dayOf(d.result.issuedAt))
  const unsigned = await renderResultDocument(
    {
      agencyName,
      resultName: procedure.result_name.split(';')[0]?.trim() || resultComponent,
      resultNumber: d.result.number,
      applicantName: d.applicant.name,
      procedureName: procedure.name,
      dossierCode: d.code,
      issuedOn: `ngày ${day.day} tháng ${day.month} năm ${day.year}`,
    },
    new Date(d.result.issuedAt),
  )
  const signed = await signPdf(unsigned, await agencySigner(db, d.processingAgencyId, now), {
    reason: `Kết quả giải quyết hồ sơ ${d.code}`,
    location: agencyName,
    signerName: agencyName,
    signedAt: now,
  })
  return keepSignedDocument(
    db,
    storage,
    signed,
    {
      dossierId: found.id,
      applicant: d.applicant,
      agencyId: d.processingAgencyId,
      component: resultComponent,
      fileName: `ket-qua-${d.code}.pdf`,
      issuedKind: 'result',
      vaultKind: 'e_result',
      vaultTitle: `${procedure.result_name} — ${d.code}`,
    },
    now,
  )
}
