import { generateAgencyCertificate, generateDemoCa, type KeyPairPem } from '../../adapters/signing/certificates.ts'
import type { PdfSigner } from '../../adapters/signing/sign-pdf.ts'
import { dayOf, isoDate } from '../../domain/calendar/local-time.ts'
import type { Db } from '../../store/database.ts'
import { agencySubject, insertAgencyKey, insertCa, loadAgencyKey, loadCa } from '../../store/signing/signing-keys.ts'

/**
 * The demo certification authority, created on first use. A demo only: its key sits in the
 * database. Loading real agency certificates for production is not built yet (see the closing notes).
 */
export async function ensureDemoCa(db: Db, now: Date): Promise<KeyPairPem> {
  const existing = await loadCa(db)
  if (existing) return existing
  await insertCa(db, generateDemoCa(now), now)
  // Whoever inserted first wins; everyone uses that one.
  const stored = await loadCa(db)
  if (!stored) throw new Error('signing CA missing after insert')
  return stored
}

/**
 * The agency's signer: its certificate (CN = the agency's Vietnamese name in force today,
 * O = its province, C = VN) issued by the demo CA on first use, with its key and the CA certificate.
 */
export async function agencySigner(db: Db, agencyId: string, now: Date): Promise<PdfSigner> {
  const ca = await ensureDemoCa(db, now)
  const existing = await loadAgencyKey(db, agencyId)
  if (existing) return { ...existing, caPem: ca.certificatePem }
  const agency = await agencySubject(db, agencyId, isoDate(dayOf(now.getTime())))
  if (!agency) throw new Error(`unknown agency ${agencyId}`)
  const issued = generateAgencyCertificate(
    ca,
    { commonName: agency.name, organization: agency.province, country: 'VN' },
    now,
  )
  await insertAgencyKey(db, agencyId, issued, now)
  const stored = await loadAgencyKey(db, agencyId)
  if (!stored) throw new Error('signing key missing after insert')
  return { ...stored, caPem: ca.certificatePem }
}
