import { renderDeclarationDocument } from '../../adapters/pdf/declaration-document.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import type { Db } from '../../store/database.ts'
import { formContext } from '../../store/forms/form-context.ts'

/**
 * Tờ khai PDF: a dossier's declaration (as corrected) printed on the form version it was made on,
 * addressed to the receiving unit, signed off by the applicant on the day of submission. Null when the
 * dossier has no declaration (made before e-forms) or its form is not stored.
 */
export async function declarationPdf(
  db: Db,
  dossier: { id: string; state: Dossier },
  today: string,
): Promise<{ fileName: string; pdf: Buffer } | null> {
  const d = dossier.state
  if (!d.declaration) return null
  const ctx = await formContext(db, d, today, '')
  if (!ctx?.declarationForm) return null
  const pdf = await renderDeclarationDocument(ctx.declarationForm, d.declaration, {
    receivingAgency: ctx.agencyNames[d.receivingAgencyId] ?? d.receivingAgencyId,
    place: ctx.place,
    declaredAt: d.submittedAt,
    declarantName: d.applicant.name,
    dossierCode: d.code,
    names: ctx.placeNames ?? {},
  })
  return { fileName: `to-khai-${d.code ?? dossier.id}.pdf`, pdf }
}
