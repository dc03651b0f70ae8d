import { generateAgencyCertificate, generateDemoCa, type KeyPairPem } from '../../adapters/signing/certificates.ts'
import type { PdfSigner } from '../../adapters/signing/sign-pdf.ts'
import { dayOf, isoDate } from '../../domain/calendar/local-time.ts'
import type { Db } from '../database.ts'

/**
 * The demo certification authority, created on first use. A demo only: its key sits in the
 * database. Loading real agency certificates for production is not built yet (see the closing notes).
 */
export async function ensureDemoCa(db: Db, now: Date): Promise<KeyPairPem> {
  const existing = await loadCa(db)
  if (existing) return existing
  const ca = generateDemoCa(now)
  await db
    .insertInto('signing_ca')
    .values({ id: 1, certificate_pem: ca.certificatePem, private_key_pem: ca.privateKeyPem, created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  // Whoever inserted first wins; everyone uses that one.
  const stored = await loadCa(db)
  if (!stored) throw new Error('signing CA missing after insert')
  return stored
}

async function loadCa(db: Db): Promise<KeyPairPem | null> {
  const row = await db
    .selectFrom('signing_ca')
    .select(['certificate_pem', 'private_key_pem'])
    .where('id', '=', 1)
    .executeTakeFirst()
  return row ? { certificatePem: row.certificate_pem, privateKeyPem: row.private_key_pem } : null
}

/**
 * The agency's signer: its certificate (CN = the agency's Vietnamese name in force today,
 * O = its province, C = VN) issued by the demo CA on first use, with its key and the CA certificate.
 */
export async function agencySigner(db: Db, agencyId: string, now: Date): Promise<PdfSigner> {
  const ca = await ensureDemoCa(db, now)
  const existing = await loadAgencyKey(db, agencyId)
  if (existing) return { ...existing, caPem: ca.certificatePem }
  const today = isoDate(dayOf(now.getTime()))
  const agency = await db
    .selectFrom('agencies as a')
    .innerJoin('provinces as p', 'p.code', 'a.province_code')
    .innerJoin('agency_names as n', 'n.agency_id', 'a.id')
    .where('a.id', '=', agencyId)
    .where('n.valid_from', '<=', today)
    .orderBy('n.valid_from', 'desc')
    .select(['n.name as name', 'p.name as province'])
    .executeTakeFirst()
  if (!agency) throw new Error(`unknown agency ${agencyId}`)
  const issued = generateAgencyCertificate(
    ca,
    { commonName: agency.name, organization: agency.province, country: 'VN' },
    now,
  )
  await db
    .insertInto('signing_keys')
    .values({
      agency_id: agencyId,
      certificate_pem: issued.certificatePem,
      private_key_pem: issued.privateKeyPem,
      created_at: now,
    })
    .onConflict((oc) => oc.column('agency_id').doNothing())
    .execute()
  const stored = await loadAgencyKey(db, agencyId)
  if (!stored) throw new Error('signing key missing after insert')
  return { ...stored, caPem: ca.certificatePem }
}

async function loadAgencyKey(db: Db, agencyId: string): Promise<KeyPairPem | null> {
  const row = await db
    .selectFrom('signing_keys')
    .select(['certificate_pem', 'private_key_pem'])
    .where('agency_id', '=', agencyId)
    .executeTakeFirst()
  return row ? { certificatePem: row.certificate_pem, privateKeyPem: row.private_key_pem } : null
}
