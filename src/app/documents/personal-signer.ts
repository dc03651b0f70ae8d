import { generateAgencyCertificate } from '../../adapters/signing/certificates.ts'
import type { PdfSigner } from '../../adapters/signing/sign-pdf.ts'
import type { Db } from '../../store/database.ts'
import { insertPersonalKey, loadPersonalKey } from '../../store/documents/document-store.ts'
import { ensureDemoCa } from '../signing/agency-signer.ts'

/**
 * A leader's personal signer (chữ ký số của người có thẩm quyền, Decree 30/2020 Art. 13(7)): a
 * certificate with CN = the leader's name and O = the agency's, issued by the demo CA on first use,
 * as the agency's seal certificate is. A demo only: a real leader signs with their own token or a
 * remote-signing service (rules.md "Electronic documents").
 */
export async function personalSigner(
  db: Db,
  userId: string,
  name: string,
  agencyName: string,
  now: Date,
): Promise<PdfSigner> {
  const ca = await ensureDemoCa(db, now)
  const existing = await loadPersonalKey(db, userId)
  if (existing) return { ...existing, caPem: ca.certificatePem }
  const issued = generateAgencyCertificate(ca, { commonName: name, organization: agencyName, country: 'VN' }, now)
  await insertPersonalKey(db, userId, issued, now)
  const stored = await loadPersonalKey(db, userId)
  if (!stored) throw new Error('personal signing key missing after insert')
  return { ...stored, caPem: ca.certificatePem }
}
