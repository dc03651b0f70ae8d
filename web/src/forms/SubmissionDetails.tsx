import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { type MessageKey, useI18n } from '../i18n/messages.ts'
import { type FieldError, FieldMessage, fieldState } from './field-errors.tsx'

/** Where the dossier goes, how to reach the applicant, and one file per document component. */
export type Submission = {
  readonly agency: string
  readonly phone: string
  readonly email: string
  readonly address: string
  readonly files: Readonly<Record<string, File | undefined>>
}

type Place = { id: string; name: string }

const slotName = (component: string) => component.normalize('NFC').trim().slice(0, 500)
const ids = (prefix: string) => ({
  agency: `${prefix}-agency`,
  phone: `${prefix}-phone`,
  email: `${prefix}-email`,
  address: `${prefix}-address`,
  file: (i: number) => `${prefix}-file-${i}`,
})

/** A required slot without a file, or a contact detail in the wrong shape. */
export function submissionErrors(
  form: FormDefinition,
  value: Submission,
  prefix: string,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
): FieldError[] {
  const id = ids(prefix)
  const errors: FieldError[] = []
  if (value.agency === '')
    errors.push({ fieldId: id.agency, message: t('form.required', { label: t('submit.agency') }) })
  if (value.phone.trim() && !/^(0|\+84)[0-9 ]{8,12}$/.test(value.phone.trim()))
    errors.push({ fieldId: id.phone, message: t('form.format', { label: t('submit.phone') }) })
  if (value.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.email.trim()))
    errors.push({ fieldId: id.email, message: t('form.format', { label: t('submit.email') }) })
  form.attachments.forEach((slot, i) => {
    if (slot.required && !value.files[slotName(slot.component)])
      errors.push({ fieldId: id.file(i), message: t('declaration.missingFile', { name: slot.component }) })
  })
  return errors
}

export function SubmissionDetails({
  form,
  places,
  value,
  onChange,
  idPrefix,
  errors,
}: {
  form: FormDefinition
  places: Place[]
  value: Submission
  onChange: (next: Submission) => void
  idPrefix: string
  errors: readonly FieldError[]
}) {
  const { t } = useI18n()
  const id = ids(idPrefix)
  const text = (key: 'phone' | 'email' | 'address', label: MessageKey, type: string, autoComplete: string) => (
    <div className="form-field declaration-field">
      <label htmlFor={id[key]}>{t(label)}</label>
      <FieldMessage errors={errors} fieldId={id[key]} />
      <input
        id={id[key]}
        type={type}
        autoComplete={autoComplete}
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        {...fieldState(errors, id[key])}
      />
    </div>
  )
  return (
    <>
      <div className="form-field declaration-field">
        <label htmlFor={id.agency}>{t('submit.agency')}</label>
        <FieldMessage errors={errors} fieldId={id.agency} />
        <select
          id={id.agency}
          value={value.agency}
          onChange={(e) => onChange({ ...value, agency: e.target.value })}
          {...fieldState(errors, id.agency)}
        >
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('declaration.contact')}</legend>
        {text('phone', 'submit.phone', 'tel', 'tel')}
        {text('email', 'submit.email', 'email', 'email')}
        {text('address', 'submit.address', 'text', 'street-address')}
      </fieldset>
      {form.attachments.length > 0 && (
        <fieldset>
          <legend>{t('submit.documents')}</legend>
          <p className="meta">{t('submit.documentsHint')}</p>
          {form.attachments.map((slot, i) => {
            const name = slotName(slot.component)
            const file = value.files[name]
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the slots are fixed for the form's life and may repeat a name
              <div key={i} className="form-field declaration-field">
                <label htmlFor={id.file(i)}>
                  {t(slot.required ? 'declaration.required' : 'declaration.optional', { name: slot.component })}
                </label>
                <FieldMessage errors={errors} fieldId={id.file(i)} />
                <input
                  id={id.file(i)}
                  type="file"
                  accept={slot.accept.join(',')}
                  onChange={(e) => onChange({ ...value, files: { ...value.files, [name]: e.target.files?.[0] } })}
                  {...fieldState(errors, id.file(i), file ? `${id.file(i)}-chosen` : undefined)}
                />
                {file && (
                  <p id={`${id.file(i)}-chosen`} className="meta">
                    {t('declaration.chosenFile', { name: file.name })}
                  </p>
                )}
              </div>
            )
          })}
        </fieldset>
      )}
    </>
  )
}
