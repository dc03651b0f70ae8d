import { join } from 'node:path'
import { buffer } from 'node:stream/consumers'
import PDFDocument from 'pdfkit'
import { signPdf } from '../../adapters/signing/sign-pdf.ts'
import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import type { Db } from '../database.ts'
import { loadDossier } from '../dossiers/dossier-queries.ts'
import { agencySigner } from '../signing/signing-keys.ts'
import { keepSignedDocument } from './signed-document.ts'

const font = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'node_modules',
  '@expo-google-fonts',
  'be-vietnam-pro',
  '400Regular',
  'BeVietnamPro_400Regular.ttf',
)

/** A scanned image on an A4 page with a caption, so it can carry a PDF signature. */
function imageAsPdf(image: Buffer, caption: string, at: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 36, info: { Title: caption, CreationDate: at } })
    const chunks: Buffer[] = []
    pdf.on('data', (c: Buffer) => chunks.push(c))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
    pdf.font(font).fontSize(10).text(caption)
    pdf.image(image, { fit: [523, 700], align: 'center' })
    pdf.end()
  })
}

/**
 * Số hóa: the digitized copy of a paper component, signed by the receiving unit like an e-result,
 * linked to the dossier, recorded for /verify and kept in the applicant's vault for reuse.
 * Idempotent per (dossier, component). Returns the signed copy's SHA-256, or null when the
 * component has no stored scan.
 */
export async function signDigitizedCopy(db: Db, storage: FileStorage, dossierId: string, now: Date): Promise<string[]> {
  const found = await loadDossier(db, dossierId)
  if (!found) return []
  const d = found.state
  const signedHashes: string[] = []
  for (const component of d.components.filter((c) => c.digitized && c.fileRef && /^[0-9a-f]{64}$/.test(c.fileRef))) {
    const title = `${component.name} (bản số hóa)`
    const done = await db
      .selectFrom('dossier_files')
      .select('sha256')
      .where('dossier_id', '=', found.id)
      .where('component_name', '=', title)
      .executeTakeFirst()
    if (done) continue
    const scan = await db
      .selectFrom('files')
      .select(['sha256', 'media_type'])
      .where('sha256', '=', component.fileRef as string)
      .executeTakeFirst()
    const stream = scan ? await storage.get(scan.sha256) : null
    if (!scan || !stream) continue
    const original = await buffer(stream)
    const unsigned = scan.media_type === 'application/pdf' ? original : await imageAsPdf(original, title, now)
    const unit = await db
      .selectFrom('agency_names')
      .select('name')
      .where('agency_id', '=', d.receivingAgencyId)
      .where('valid_to', 'is', null)
      .executeTakeFirst()
    const unitName = unit?.name ?? d.receivingAgencyId
    const signed = await signPdf(unsigned, await agencySigner(db, d.receivingAgencyId, now), {
      reason: `Bản số hóa thành phần hồ sơ ${d.code ?? found.id}`,
      location: unitName,
      signerName: unitName,
      signedAt: now,
    })
    const sha256 = await keepSignedDocument(
      db,
      storage,
      signed,
      {
        dossierId: found.id,
        applicant: d.applicant,
        agencyId: d.receivingAgencyId,
        component: title,
        fileName: `${title}.pdf`,
        issuedKind: 'digitized',
        vaultKind: 'digitized',
        vaultTitle: title,
      },
      now,
    )
    signedHashes.push(sha256)
  }
  return signedHashes
}
