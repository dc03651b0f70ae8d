import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { buffer } from 'node:stream/consumers'
import PDFDocument from 'pdfkit'
import { signPdf } from '../../adapters/signing/sign-pdf.ts'
import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import type { Component } from '../../domain/dossier/events.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { agencyNameInForce, storedFile } from '../../store/results/result-queries.ts'
import { linkSignedDocument, signedCopyOf } from '../../store/results/signed-document.ts'
import { agencySigner } from '../signing/agency-signer.ts'

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

const scanned = (c: Component): c is Component & { fileRef: string } =>
  c.digitized && c.fileRef !== null && /^[0-9a-f]{64}$/.test(c.fileRef)

/**
 * Số hóa: the digitized copy of each scanned paper component, signed by the receiving unit like an
 * e-result, linked to the dossier, recorded for /verify and kept in the applicant's vault for reuse.
 * One signed copy per (dossier, component), held by a unique key even when two issuers race.
 * Returns the SHA-256 of the copies this call linked.
 */
export async function signDigitizedCopies(
  deps: { readonly db: Db; readonly storage: FileStorage },
  dossierId: string,
  now: Date,
): Promise<string[]> {
  const { db, storage } = deps
  const found = await loadDossier(db, dossierId)
  if (!found) return []
  const d = found.state
  const linked: string[] = []
  for (const component of d.components.filter(scanned)) {
    const title = `${component.name} (bản số hóa)`
    if (await signedCopyOf(db, found.id, title)) continue
    const scan = await storedFile(db, component.fileRef)
    const stream = scan ? await storage.get(scan.sha256) : null
    if (!scan || !stream) continue
    const original = await buffer(stream)
    const unsigned = scan.media_type === 'application/pdf' ? original : await imageAsPdf(original, title, now)
    const unitName = await agencyNameInForce(db, d.receivingAgencyId)
    const signed = await signPdf(unsigned, await agencySigner(db, d.receivingAgencyId, now), {
      reason: `Bản số hóa thành phần hồ sơ ${d.code ?? found.id}`,
      location: unitName,
      signerName: unitName,
      signedAt: now,
    })
    const sha256 = createHash('sha256').update(signed).digest('hex')
    await storage.put(sha256, signed, { size: signed.length, mediaType: 'application/pdf' })
    const document = {
      dossierId: found.id,
      applicant: d.applicant,
      agencyId: d.receivingAgencyId,
      component: title,
      fileName: `${title}.pdf`,
      issuedKind: 'digitized' as const,
      vaultKind: 'digitized' as const,
      vaultTitle: title,
    }
    const won = await db
      .transaction()
      .execute((tx) => linkSignedDocument(tx, { sha256, size: signed.length }, document, now))
    if (won) linked.push(sha256)
  }
  return linked
}
