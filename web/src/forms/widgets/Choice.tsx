import { useFormContext } from 'react-hook-form'
import type { LayoutField } from '../../../../src/domain/declarations/form-definition.ts'
import { type Lang, useI18n } from '../../i18n/messages.ts'
import { FieldShell } from '../FieldShell.tsx'
import { FieldMessage, fieldState } from '../field-errors.tsx'
import { fieldName, useRenderer } from '../renderer-context.ts'
import { enumAt } from '../schema-at.ts'

type Option = { value: string; label: string }

/** The field's choices: its code list (Vietnamese names first), else the schema's enum as it is. */
export function useOptions(field: LayoutField, pattern: string): Option[] {
  const { lang } = useI18n()
  const { form } = useRenderer()
  const list = field.codeList ? form.codeLists[field.codeList] : undefined
  if (list) return list.entries.map((e) => ({ value: e.code, label: entryLabel(e, lang) }))
  return (enumAt(form.schema, pattern) ?? []).map((value) => ({ value, label: value }))
}

const entryLabel = (entry: { vi: string; en: string }, lang: Lang) => (lang === 'vi' ? entry.vi : entry.en)

export function SelectInput({ field, path, pattern, label, hint }: ChoiceProps) {
  const { t } = useI18n()
  const { register } = useFormContext()
  const options = useOptions(field, pattern)
  return (
    <FieldShell path={path} label={label} hint={hint}>
      {(id, described) => (
        <select id={id} {...described} {...register(fieldName(path))}>
          <option value="">{t('declaration.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

type ChoiceProps = { field: LayoutField; path: string; pattern: string; label: string; hint?: string | undefined }

/** A few choices as radio buttons in a fieldset; the first button carries the field's id for error links. */
export function RadioInput({ field, path, pattern, label, hint }: ChoiceProps) {
  const { register } = useFormContext()
  const { idOf, errors } = useRenderer()
  const options = useOptions(field, pattern)
  const id = idOf(path)
  const state = fieldState(errors, id, hint ? `${id}-hint` : undefined)
  return (
    <fieldset className="declaration-choices" aria-describedby={state['aria-describedby']}>
      <legend>{label}</legend>
      {hint && (
        <p id={`${id}-hint`} className="meta">
          {hint}
        </p>
      )}
      <FieldMessage errors={errors} fieldId={id} />
      {options.map((o, i) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            id={i === 0 ? id : `${id}-${i}`}
            value={o.value}
            aria-invalid={state['aria-invalid']}
            {...register(fieldName(path))}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  )
}

/** A yes/no statement the applicant ticks. */
export function CheckboxInput({ path, label, hint }: { path: string; label: string; hint?: string | undefined }) {
  const { register } = useFormContext()
  const { idOf, errors } = useRenderer()
  const id = idOf(path)
  return (
    <div className="form-field declaration-field">
      <FieldMessage errors={errors} fieldId={id} />
      <label className="choice" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          {...fieldState(errors, id, hint ? `${id}-hint` : undefined)}
          {...register(fieldName(path))}
        />{' '}
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="meta">
          {hint}
        </p>
      )}
    </div>
  )
}
