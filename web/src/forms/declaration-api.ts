import type { Declaration, FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { ApiError, client, ok } from '../api/client.ts'
import type { ProcedureDetail } from '../api/types.ts'

/** A saved, unfinished declaration (bản nháp): what was entered and the step the applicant was on. */
export type Draft = { readonly formVersion: number; readonly data: Record<string, unknown>; readonly step: number }

/** A value the server knows for the applicant (from VNeID, an earlier dossier), offered and editable. */
export type PrefillValue = { readonly path: string; readonly value: unknown; readonly source: string }

type Answer = Promise<{ data?: unknown; error?: unknown; response: Response }>
// The drafts and prefill routes are built beside this client; until the generated types name them, they
// are called through the same client (its CSRF middleware) without path typing.
type Untyped = {
  GET(path: string, init?: object): Answer
  PUT(path: string, init: { body: unknown }): Answer
}
const untyped = client as unknown as Untyped

/** The form of the procedure's version in force, as `GET /api/procedures/{code}` gives it. */
export function formOf(procedure: ProcedureDetail): FormDefinition | null {
  // The generated type spells the layout out three levels deep; the domain's type is the recursive one.
  return (procedure.form ?? null) as FormDefinition | null
}

const notFound = (error: unknown) => error instanceof ApiError && error.status === 404

/** The applicant's draft for the procedure, or null when there is none. */
export async function loadDraft(procedureCode: string): Promise<Draft | null> {
  try {
    const draft = (await ok(untyped.GET(`/api/declaration-drafts/${encodeURIComponent(procedureCode)}`))) as Draft
    return draft && typeof draft === 'object' && 'data' in draft ? draft : null
  } catch (error) {
    if (notFound(error)) return null
    throw error
  }
}

export async function saveDraft(procedureCode: string, draft: Draft): Promise<void> {
  await ok(untyped.PUT(`/api/declaration-drafts/${encodeURIComponent(procedureCode)}`, { body: draft }))
}

/** What the server can fill in for this procedure; none when it has nothing (or no prefill yet). */
export async function loadPrefill(procedureCode: string): Promise<PrefillValue[]> {
  try {
    const answer = (await ok(untyped.GET(`/api/procedures/${encodeURIComponent(procedureCode)}/prefill`))) as {
      values?: PrefillValue[]
    }
    return answer?.values ?? []
  } catch (error) {
    if (notFound(error)) return []
    throw error
  }
}

export type { Declaration }
