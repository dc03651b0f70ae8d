import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { ApiError, client, ok } from '../api/client.ts'
import type { Answer, ProcedureDetail } from '../api/types.ts'

/** A saved, unfinished declaration (bản nháp): what was entered and the id of the step the applicant was on. */
export type Draft = Pick<Answer<'/api/declaration-drafts/{code}', 'get'>, 'formVersion' | 'data' | 'step'>

/** A value the server knows for the applicant (VNeID, an earlier declaration), offered and editable. */
export type PrefillValue = Answer<'/api/procedures/{code}/prefill', 'get'>['values'][number]

/** The form of the procedure's version in force, as `GET /api/procedures/{code}` gives it. */
export function formOf(procedure: ProcedureDetail): FormDefinition | null {
  // The generated type spells the layout out three levels deep; the domain's type is the recursive one.
  return (procedure.form ?? null) as FormDefinition | null
}

const notFound = (error: unknown) => error instanceof ApiError && error.status === 404
const path = (code: string) => ({ params: { path: { code } } })

/** The applicant's draft for the procedure, or null when there is none. */
export async function loadDraft(code: string): Promise<Draft | null> {
  try {
    return await ok(client.GET('/api/declaration-drafts/{code}', path(code)))
  } catch (error) {
    if (notFound(error)) return null
    throw error
  }
}

export async function saveDraft(code: string, draft: Draft): Promise<void> {
  await ok(client.PUT('/api/declaration-drafts/{code}', { ...path(code), body: draft }))
}

/**
 * What the server can fill in for this form version (VNeID, earlier declarations); none when it has
 * nothing or when its values are for another form version.
 */
export async function loadPrefill(code: string, formVersion: number): Promise<PrefillValue[]> {
  try {
    const answer = await ok(client.GET('/api/procedures/{code}/prefill', path(code)))
    return answer.formVersion === formVersion ? answer.values : []
  } catch (error) {
    if (notFound(error)) return []
    throw error
  }
}
