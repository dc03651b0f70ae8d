import { type MouseEvent, type Ref, useId, useRef, useState } from 'react'
import { ApiError } from '../api/client.ts'
import { useI18n } from '../i18n/messages.ts'

/** What is wrong with one field: shown beside it and linked from the form's summary. */
export type FieldError = { readonly fieldId: string; readonly message: string }

/** The attributes that tie a field to its message: assistive technology reads both together. */
export function fieldState(errors: readonly FieldError[], fieldId: string, describedBy?: string) {
  const invalid = errors.some((e) => e.fieldId === fieldId)
  const ids = [describedBy, invalid ? `${fieldId}-error` : undefined].filter(Boolean).join(' ')
  return { 'aria-invalid': invalid ? ('true' as const) : undefined, 'aria-describedby': ids || undefined }
}

/** The message under an invalid field (none when it is valid). */
export function FieldMessage({ errors, fieldId }: { errors: readonly FieldError[]; fieldId: string }) {
  const error = errors.find((e) => e.fieldId === fieldId)
  if (!error) return null
  return (
    <p id={`${fieldId}-error`} className="field-error">
      {error.message}
    </p>
  )
}

/** Following a summary link puts the cursor in the field (a plain fragment link would only scroll). */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId)
  if (!field) return
  event.preventDefault()
  field.scrollIntoView({ block: 'center' })
  field.focus()
}

/**
 * "Có lỗi trong biểu mẫu": the list of invalid fields at the top of the form, each a link to its field.
 * role="alert" announces it; focus moves to it after a failed submission.
 */
export function ErrorSummary({
  errors,
  summaryRef,
}: {
  errors: readonly FieldError[]
  summaryRef: Ref<HTMLDivElement>
}) {
  const { t } = useI18n()
  const titleId = useId()
  if (errors.length === 0) return null
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('form.errorSummary')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.fieldId}>
            <a href={`#${e.fieldId}`} onClick={(event) => focusField(event, e.fieldId)}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * The form's field errors: from the browser's own constraint checks before sending, and from the
 * server's problem (its `errors[].path`, e.g. `/body/applicant/phone`) after.
 */
export function useFieldErrors() {
  const { t, lang } = useI18n()
  const [errors, setErrors] = useState<FieldError[]>([])
  const summaryRef = useRef<HTMLDivElement>(null)
  const show = (found: FieldError[]) => {
    setErrors(found)
    if (found.length > 0) requestAnimationFrame(() => summaryRef.current?.focus())
  }
  /** Checks every field of `form`; true when all are valid, else shows the summary. */
  const check = (form: HTMLFormElement): boolean => {
    const found: FieldError[] = []
    for (const element of Array.from(form.elements)) {
      if (
        !(
          element instanceof HTMLInputElement ||
          element instanceof HTMLSelectElement ||
          element instanceof HTMLTextAreaElement
        )
      )
        continue
      if (element.validity.valid || !element.id) continue
      const label = form.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent ?? element.name
      found.push({ fieldId: element.id, message: t(messageFor(element.validity), { label }) })
    }
    show(found)
    return found.length === 0
  }
  /** Maps the server's field errors onto fields by the last segment of their path; true when some matched. */
  const fromProblem = (error: unknown, fieldIds: Record<string, string>): boolean => {
    if (!(error instanceof ApiError)) return false
    const found = (error.problem?.errors ?? []).flatMap((e) => {
      const fieldId = fieldIds[e.path.split('/').pop() ?? '']
      return fieldId ? [{ fieldId, message: lang === 'en' && e.en ? e.en : e.message }] : []
    })
    show(found)
    return found.length > 0
  }
  return { errors, summaryRef, check, fromProblem, report: show, clear: () => setErrors([]) }
}

function messageFor(validity: ValidityState) {
  if (validity.valueMissing) return 'form.required' as const
  if (validity.patternMismatch || validity.typeMismatch) return 'form.format' as const
  if (validity.tooLong || validity.tooShort) return 'form.length' as const
  return 'form.invalid' as const
}
