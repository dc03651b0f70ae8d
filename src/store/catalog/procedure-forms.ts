import type { FormDefinition } from '../../domain/declarations/form-definition.ts'
import type { Db } from '../database.ts'

/** The form of a procedure version: the given form version, or the latest when none is given. */
export async function procedureForm(
  db: Db,
  code: string,
  version: number,
  formVersion?: number,
): Promise<FormDefinition | null> {
  let query = db
    .selectFrom('procedure_forms')
    .select('form')
    .where('procedure_code', '=', code)
    .where('version', '=', version)
  if (formVersion !== undefined) query = query.where('form_version', '=', formVersion)
  const row = await query.orderBy('form_version', 'desc').limit(1).executeTakeFirst()
  return row?.form ?? null
}
