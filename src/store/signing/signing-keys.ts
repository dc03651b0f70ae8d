import type { Db } from '../database.ts'

/** A certificate and its private key, PEM-encoded, as stored. */
export type StoredKeyPair = { readonly certificatePem: string; readonly privateKeyPem: string }

export async function loadCa(db: Db): Promise<StoredKeyPair | null> {
  const row = await db
    .selectFrom('signing_ca')
    .select(['certificate_pem', 'private_key_pem'])
    .where('id', '=', 1)
    .executeTakeFirst()
  return row ? { certificatePem: row.certificate_pem, privateKeyPem: row.private_key_pem } : null
}

/** Stores the demo CA unless one is there already (whoever inserted first wins). */
export async function insertCa(db: Db, ca: StoredKeyPair, now: Date): Promise<void> {
  await db
    .insertInto('signing_ca')
    .values({ id: 1, certificate_pem: ca.certificatePem, private_key_pem: ca.privateKeyPem, created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

export async function loadAgencyKey(db: Db, agencyId: string): Promise<StoredKeyPair | null> {
  const row = await db
    .selectFrom('signing_keys')
    .select(['certificate_pem', 'private_key_pem'])
    .where('agency_id', '=', agencyId)
    .executeTakeFirst()
  return row ? { certificatePem: row.certificate_pem, privateKeyPem: row.private_key_pem } : null
}

/** Stores an agency's key unless it has one already (whoever inserted first wins). */
export async function insertAgencyKey(db: Db, agencyId: string, key: StoredKeyPair, now: Date): Promise<void> {
  await db
    .insertInto('signing_keys')
    .values({
      agency_id: agencyId,
      certificate_pem: key.certificatePem,
      private_key_pem: key.privateKeyPem,
      created_at: now,
    })
    .onConflict((oc) => oc.column('agency_id').doNothing())
    .execute()
}

/** The agency's Vietnamese name in force on `today` ('YYYY-MM-DD') and its province's name. */
export async function agencySubject(
  db: Db,
  agencyId: string,
  today: string,
): Promise<{ name: string; province: string } | undefined> {
  return db
    .selectFrom('agencies as a')
    .innerJoin('provinces as p', 'p.code', 'a.province_code')
    .innerJoin('agency_names as n', 'n.agency_id', 'a.id')
    .where('a.id', '=', agencyId)
    .where('n.valid_from', '<=', today)
    .orderBy('n.valid_from', 'desc')
    .select(['n.name as name', 'p.name as province'])
    .executeTakeFirst()
}
