import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** An agency connected to the axis (đơn vị liên thông), by its QCVN 102 code. */
export type DirectoryEntry = { readonly code: string; readonly name: string; readonly parentCode: string | null }

/** A stored agency: as last listed, or kept after the axis stopped listing it (absent since that refresh). */
export type StoredDirectoryEntry = DirectoryEntry & { readonly absentSince: Date | null }

/** What one refresh changed: the codes no longer listed, and those listed again after an absence. */
export type DirectoryChanges = { readonly absent: readonly string[]; readonly returned: readonly string[] }

/**
 * Merges the axis's list into the stored directory (in the caller's transaction): listed agencies are
 * inserted or updated and lose any absence mark; stored ones not listed are kept, marked absent from `now`.
 */
export async function mergeDirectory(tx: Db, entries: readonly DirectoryEntry[], now: Date): Promise<DirectoryChanges> {
  const codes = entries.map((e) => e.code)
  const returned = await sql<{ code: string }>`SELECT code FROM axis_directory
    WHERE absent_since IS NOT NULL AND code = ANY(${codes}::text[]) ORDER BY code`.execute(tx)
  for (const e of entries)
    await sql`INSERT INTO axis_directory (code, name, parent_code, refreshed_at, absent_since)
      VALUES (${e.code}, ${e.name}, ${e.parentCode}, ${now}, NULL)
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code,
        refreshed_at = excluded.refreshed_at, absent_since = NULL`.execute(tx)
  const absent = await sql<{ code: string }>`UPDATE axis_directory SET absent_since = ${now}
    WHERE absent_since IS NULL AND NOT (code = ANY(${codes}::text[])) RETURNING code`.execute(tx)
  await sql`INSERT INTO axis_directory_refreshes (id, refreshed_at, listed) VALUES (1, ${now}, ${entries.length})
    ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at, listed = excluded.listed`.execute(tx)
  return { absent: absent.rows.map((r) => r.code).sort(), returned: returned.rows.map((r) => r.code) }
}

/** When the directory was last fetched whole, if ever. */
export async function lastDirectoryRefresh(db: Db): Promise<Date | null> {
  const r = await sql<{ refreshed_at: Date }>`SELECT refreshed_at FROM axis_directory_refreshes WHERE id = 1`.execute(
    db,
  )
  return r.rows[0] ? new Date(r.rows[0].refreshed_at) : null
}

/** Every stored agency, absent ones included, by code. */
export async function directory(db: Db): Promise<StoredDirectoryEntry[]> {
  const r = await sql<{ code: string; name: string; parent_code: string | null; absent_since: Date | null }>`
    SELECT code, name, parent_code, absent_since FROM axis_directory ORDER BY code`.execute(db)
  return r.rows.map((row) => ({
    code: row.code,
    name: row.name,
    parentCode: row.parent_code,
    absentSince: row.absent_since === null ? null : new Date(row.absent_since),
  }))
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
