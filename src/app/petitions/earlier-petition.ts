import { type FollowUpRefusal, followUpRefusal } from '../../domain/petitions/actions.ts'
import type { Db } from '../../store/database.ts'
import { petitionByCode } from '../../store/petitions/petition-store.ts'

/**
 * Why the petition coded `code` (null while not yet received) cannot follow up `followsUp`, or null
 * when it may: the domain decides on the earlier petition as stored (an answer is final, so the
 * check holds until the transaction commits).
 */
export async function earlierPetitionRefusal(
  tx: Db,
  code: string | null,
  followsUp: string,
): Promise<FollowUpRefusal | null> {
  return followUpRefusal(code, await petitionByCode(tx, followsUp))
}
