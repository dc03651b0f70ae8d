import type { Principal } from '../../domain/access/principal.ts'
import { type PrefillValue, prefillFor } from '../../domain/declarations/prefill.ts'
import type { Db } from '../../store/database.ts'
import { earlierDeclarations } from '../../store/declarations/earlier-declarations.ts'
import { versionInForce } from '../../store/dossiers/procedure-terms.ts'
import { citizenIdentity } from '../../store/identity/users.ts'
import { formOf } from './check-declaration.ts'

export type PrefillOutcome =
  | { readonly ok: true; readonly formVersion: number; readonly values: readonly PrefillValue[] }
  | { readonly ok: false; readonly problem: 'no-procedure-in-force' | 'no-form' }

/**
 * Điền sẵn: what the signed-in citizen's identity (only when they signed in with VNeID, which vouched
 * for it) and earlier declarations answer on the current form of the procedure version in force.
 */
export async function prefillDeclaration(
  db: Db,
  citizen: Extract<Principal, { kind: 'citizen' }>,
  procedureCode: string,
  today: string,
): Promise<PrefillOutcome> {
  const version = await versionInForce(db, procedureCode, today)
  if (version === null) return { ok: false, problem: 'no-procedure-in-force' }
  const form = await formOf(db, procedureCode, version)
  if (form === null) return { ok: false, problem: 'no-form' }
  const [identity, earlier] = await Promise.all([
    citizen.vneid ? citizenIdentity(db, citizen.userId) : null,
    earlierDeclarations(db, { userId: citizen.userId, identityNumber: citizen.vneid ? citizen.identityNumber : null }),
  ])
  return { ok: true, formVersion: form.version, values: prefillFor(form, identity, earlier) }
}
