import type { Declaration, FormDefinition } from '../../domain/declarations/form-definition.ts'
import type { FieldError } from '../../domain/declarations/named-rules.ts'
import { DeclarationValidators } from '../../domain/declarations/validate-declaration.ts'
import { procedureForm } from '../../store/catalog/procedure-forms.ts'
import type { Db } from '../../store/database.ts'

/**
 * The process's one validator cache (declarations here, decision fields and corrections in
 * check-command-fields.ts): a published form version never changes, so neither does its validator.
 */
export const validators = new DeclarationValidators()
const forms = new Map<string, Promise<FormDefinition | null>>()

/** The form of a procedure version (the given form version, or the latest), read once per process. */
export function formOf(db: Db, code: string, version: number, formVersion?: number): Promise<FormDefinition | null> {
  const key = `${code}@${version}#${formVersion ?? 'latest'}`
  let form = forms.get(key)
  if (!form) {
    form = procedureForm(db, code, version, formVersion)
    // A failed read is not cached: the next request reads again.
    form.catch(() => forms.delete(key))
    forms.set(key, form)
  }
  return form
}

export type DeclarationCheck =
  | { readonly ok: true; readonly declaration: Declaration | undefined }
  | { readonly ok: false; readonly errors: readonly FieldError[] }

/** What the applicant sent: the data (`declaration`) and the form version the client rendered. */
export type DeclarationInput = {
  readonly declaration?: Readonly<Record<string, unknown>> | undefined
  readonly formVersion?: number | undefined
}

const error = (path: string, vi: string, en: string): DeclarationCheck => ({
  ok: false,
  errors: [{ path, message: { vi, en } }],
})

/**
 * The declaration checked against the procedure version's current form: the form version must be the
 * current one, the data valid under its schema and named rules; computed values are filled in. Error
 * paths are those of the input (`declaration/husband/birthDate`, `formVersion`).
 */
export async function checkDeclaration(
  db: Db,
  procedure: { readonly code: string; readonly version: number },
  input: DeclarationInput,
  today: string,
): Promise<DeclarationCheck> {
  const form = await formOf(db, procedure.code, procedure.version)
  if (form === null)
    return input.declaration === undefined
      ? { ok: true, declaration: undefined }
      : error('declaration', 'thủ tục này không có tờ khai', 'this procedure has no declaration form')
  if (input.declaration === undefined)
    return error('declaration', 'chưa có tờ khai (bắt buộc)', 'the declaration is required')
  if (input.formVersion !== form.version)
    return error(
      'formVersion',
      `tờ khai đã được cập nhật (phiên bản ${form.version}): hãy tải lại biểu mẫu`,
      `the form is at version ${form.version}: reload it`,
    )
  const key = `${procedure.code}@${procedure.version}#${form.version}`
  const verdict = validators.validate(key, form, input.declaration, today)
  if (!verdict.ok)
    return {
      ok: false,
      errors: verdict.errors.map((e) => ({ ...e, path: e.path ? `declaration/${e.path}` : 'declaration' })),
    }
  return { ok: true, declaration: { formVersion: form.version, data: verdict.data } }
}
