import { useEffect, useState } from 'react'
import { useController } from 'react-hook-form'
import { useI18n } from '../../i18n/messages.ts'
import { FieldShell } from '../FieldShell.tsx'
import { fieldName } from '../renderer-context.ts'
import { formatIsoDate, parseTypedDate } from '../typed-date.ts'

/**
 * A date typed as dd/mm/yyyy (the way Vietnamese papers write it) and kept as ISO yyyy-mm-dd. A text
 * that is no date is kept as typed, so the schema's `format: date` names the field as wrong.
 */
export function DateInput({ path, label, hint }: { path: string; label: string; hint?: string | undefined }) {
  const { t } = useI18n()
  const { field } = useController({ name: fieldName(path) })
  const value = field.value as unknown
  const [text, setText] = useState(() => formatIsoDate(value))
  // A value set from outside (a resumed draft, a prefill) replaces what is shown.
  useEffect(() => {
    if ((parseTypedDate(text) ?? (text.trim() || undefined)) !== value) setText(formatIsoDate(value))
  }, [value, text])
  return (
    <FieldShell path={path} label={label} hint={hint ?? t('declaration.dateHint')}>
      {(id, described) => (
        <input
          id={id}
          ref={field.ref}
          name={field.name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy"
          value={text}
          {...described}
          onChange={(e) => {
            setText(e.target.value)
            field.onChange(parseTypedDate(e.target.value) ?? (e.target.value.trim() || undefined))
          }}
          onBlur={() => {
            const iso = parseTypedDate(text)
            if (iso) setText(formatIsoDate(iso))
            field.onBlur()
          }}
        />
      )}
    </FieldShell>
  )
}
