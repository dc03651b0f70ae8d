import type { Db } from '../database.ts'

/** Our agency's code on the national document axis, or null when it exchanges nothing there. */
export async function axisCodeOf(db: Db, agencyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('agency_axis_codes')
    .select('code')
    .where('agency_id', '=', agencyId)
    .executeTakeFirst()
  return row?.code ?? null
}
