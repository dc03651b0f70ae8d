import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** An agency connected to the axis (đơn vị liên thông), by its QCVN 102 code. */
export type DirectoryEntry = { readonly code: string; readonly name: string; readonly parentCode: string | null }

/** Replaces the stored directory with the axis's, in one transaction. */
export async function replaceDirectory(db: Db, entries: readonly DirectoryEntry[], now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`DELETE FROM axis_directory`.execute(tx)
    for (const e of entries)
      await sql`INSERT INTO axis_directory (code, name, parent_code, refreshed_at)
        VALUES (${e.code}, ${e.name}, ${e.parentCode}, ${now}) ON CONFLICT (code) DO NOTHING`.execute(tx)
  })
}

export async function directory(db: Db): Promise<DirectoryEntry[]> {
  const r = await sql<{ code: string; name: string; parent_code: string | null }>`
    SELECT code, name, parent_code FROM axis_directory ORDER BY code`.execute(db)
  return r.rows.map((row) => ({ code: row.code, name: row.name, parentCode: row.parent_code }))
}

/** The QCVN 102 code of one of our agencies in force on `day` ('YYYY-MM-DD'), from the catalogue. */
export async function agencyCodeOn(db: Db, agencyId: string, day: string): Promise<string | null> {
  const r = await sql<{ code: string }>`SELECT code FROM agency_codes
    WHERE agency_id = ${agencyId} AND valid_from <= ${day} AND (valid_to IS NULL OR valid_to >= ${day})
    ORDER BY valid_from DESC LIMIT 1`.execute(db)
  return r.rows[0]?.code ?? null
}

/** Which of our agencies holds a QCVN 102 code on `day`, if any. */
export async function agencyOfCode(db: Db, code: string, day: string): Promise<string | null> {
  const r = await sql<{ agency_id: string }>`SELECT agency_id FROM agency_codes
    WHERE code = ${code} AND valid_from <= ${day} AND (valid_to IS NULL OR valid_to >= ${day})
    ORDER BY valid_from DESC LIMIT 1`.execute(db)
  return r.rows[0]?.agency_id ?? null
}

/** The name the axis's directory gives a code, if the code is listed. */
export async function directoryName(db: Db, code: string): Promise<string | null> {
  const r = await sql<{ name: string }>`SELECT name FROM axis_directory WHERE code = ${code}`.execute(db)
  return r.rows[0]?.name ?? null
}
