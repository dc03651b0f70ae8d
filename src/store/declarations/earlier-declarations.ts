import { sql } from 'kysely'
import type { EarlierDeclaration } from '../../domain/declarations/prefill.ts'
import type { Db } from '../database.ts'

/** How many earlier dossiers a prefill looks through: a citizen's recent history, not all of it. */
export const earlierDeclarationLimit = 50

/**
 * The declarations of the citizen's dossiers (by account, or by the identity number VNeID vouched for,
 * as in Hồ sơ của tôi), newest first, each as it stands after its corrections (the dossier's state).
 */
export async function earlierDeclarations(
  db: Db,
  applicant: { readonly userId: string; readonly identityNumber: string | null },
): Promise<EarlierDeclaration[]> {
  const rows = await db
    .selectFrom('dossiers as d')
    .select(['d.code', sql<Record<string, unknown>>`d.state -> 'declaration' -> 'data'`.as('data')])
    .where((eb) =>
      eb.or([
        eb('d.applicant_id', '=', applicant.userId),
        ...(applicant.identityNumber
          ? [sql<boolean>`d.applicant @> ${JSON.stringify({ identityNumber: applicant.identityNumber })}::jsonb`]
          : []),
      ]),
    )
    .where(sql<boolean>`jsonb_typeof(d.state -> 'declaration' -> 'data') = 'object'`)
    .orderBy('d.submitted_at', 'desc')
    // Same instant (a batch, a test clock): the later reception's code is the greater.
    .orderBy(sql`d.code DESC NULLS FIRST`)
    .limit(earlierDeclarationLimit)
    .execute()
  return rows.map((r) => ({ dossierCode: r.code, data: r.data }))
}
