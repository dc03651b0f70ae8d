import type { ReactNode } from 'react'
import { useI18n } from '../i18n/messages.ts'
import { FieldMessage, fieldState } from './field-errors.tsx'
import { useRenderer } from './renderer-context.ts'

/** The ids a control is described by (its hint, its prefill note) and its error state. */
export type Described = { 'aria-invalid'?: 'true'; 'aria-describedby'?: string }

/**
 * A field's label, hint, prefill note and error message, in the order a screen reader and a sighted
 * person meet them (GOV.UK pattern: the message above the control); `children` gets the control's attributes.
 */
export function FieldShell({
  path,
  label,
  hint,
  children,
}: {
  path: string
  label: string
  hint?: string | undefined
  children: (id: string, described: Described) => ReactNode
}) {
  const { t, tx } = useI18n()
  const { idOf, errors, prefilled } = useRenderer()
  const id = idOf(path)
  const source = prefilled.get(path)
  const sourceKey = `declaration.source.${source}`
  const sourceName = source === undefined ? '' : tx(sourceKey) === sourceKey ? source : tx(sourceKey)
  const describedBy = [hint ? `${id}-hint` : '', source !== undefined ? `${id}-prefill` : ''].filter(Boolean).join(' ')
  return (
    <div className="form-field declaration-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="meta">
          {hint}
        </p>
      )}
      {source !== undefined && (
        <p id={`${id}-prefill`} className="prefilled">
          {t('declaration.prefilled', { source: sourceName })}
        </p>
      )}
      <FieldMessage errors={errors} fieldId={id} />
      {children(id, fieldState(errors, id, describedBy || undefined))}
    </div>
  )
}
