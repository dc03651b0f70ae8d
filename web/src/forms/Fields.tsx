import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import type { LayoutField } from '../../../src/domain/declarations/form-definition.ts'
import { withComputedValues } from '../../../src/domain/declarations/named-rules.ts'
import { useI18n } from '../i18n/messages.ts'
import { FieldShell } from './FieldShell.tsx'
import { fieldDefaults } from './field-defaults.ts'
import { conditionHolds, declarationData } from './layout-walk.ts'
import { fieldName, useRenderer } from './renderer-context.ts'
import { localToday } from './validate.ts'
import { AddressInput } from './widgets/AddressInput.tsx'
import { CheckboxInput, RadioInput, SelectInput } from './widgets/Choice.tsx'
import { DateInput } from './widgets/DateInput.tsx'
import { TextInput } from './widgets/TextInput.tsx'

const join = (base: string, path: string) => (base ? `${base}/${path}` : path)

/** A field shown only while its condition holds (`showIf`); a hidden field's value is not sent. */
function Conditional({ field, path, pattern }: { field: LayoutField; path: string; pattern: string }) {
  const data = useWatch()
  if (!conditionHolds(field.showIf, data, path)) return null
  return <FieldBody field={field} path={path} pattern={pattern} />
}

/** One field of the layout at a concrete path (`base` is the enclosing group or item). */
export function Field({ field, base, patternBase }: { field: LayoutField; base: string; patternBase: string }) {
  const path = join(base, field.path)
  const pattern = join(patternBase, field.path)
  if (field.showIf) return <Conditional field={field} path={path} pattern={pattern} />
  return <FieldBody field={field} path={path} pattern={pattern} />
}

function FieldBody({ field, path, pattern }: { field: LayoutField; path: string; pattern: string }) {
  const { lang } = useI18n()
  const { computed } = useRenderer()
  const label = field.label[lang]
  const hint = field.help?.[lang]
  if (computed.has(pattern)) return <ComputedValue path={path} label={label} hint={hint} />
  const widget = field.widget ?? 'text'
  switch (widget) {
    case 'date':
      return <DateInput path={path} label={label} hint={hint} />
    case 'select':
      return <SelectInput field={field} path={path} pattern={pattern} label={label} hint={hint} />
    case 'radio':
      return <RadioInput field={field} path={path} pattern={pattern} label={label} hint={hint} />
    case 'checkbox':
      return <CheckboxInput path={path} label={label} hint={hint} />
    case 'address':
      return <AddressInput path={path} pattern={pattern} label={label} />
    case 'group':
      return (
        <fieldset className="declaration-group">
          <legend>{label}</legend>
          {hint && <p className="meta">{hint}</p>}
          {(field.fields ?? []).map((f) => (
            <Field key={f.path} field={f} base={path} patternBase={pattern} />
          ))}
        </fieldset>
      )
    case 'repeat':
      return <Repeat field={field} path={path} pattern={pattern} label={label} />
    default:
      return <TextInput path={path} kind={widget} label={label} hint={hint} />
  }
}

/** A value the form derives (an age, a count): shown read-only, recomputed by the server anyway. */
function ComputedValue({ path, label, hint }: { path: string; label: string; hint?: string | undefined }) {
  const { t } = useI18n()
  const { form } = useRenderer()
  const entered = useWatch()
  const data = withComputedValues(form.computed, declarationData(form, entered), localToday())
  const value = path.split('/').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data)
  return (
    <FieldShell path={path} label={label} hint={hint ?? t('declaration.computed')}>
      {(id, described) => (
        <input id={id} type="text" readOnly value={value === undefined ? '' : String(value)} {...described} />
      )}
    </FieldShell>
  )
}

/** A repeating group (children, members): each item a fieldset with its number; items are added and removed. */
function Repeat({ field, path, pattern, label }: { field: LayoutField; path: string; pattern: string; label: string }) {
  const { t } = useI18n()
  const { idOf, form } = useRenderer()
  const { control } = useFormContext()
  const { fields: items, append, remove } = useFieldArray({ control, name: fieldName(path) })
  return (
    <fieldset className="declaration-group declaration-repeat">
      <legend>{label}</legend>
      {items.map((item, i) => (
        <fieldset key={item.id} className="declaration-item">
          <legend>{t('declaration.repeat.item', { label, n: i + 1 })}</legend>
          {(field.fields ?? []).map((f) => (
            <Field key={f.path} field={f} base={`${path}/${i}`} patternBase={`${pattern}/*`} />
          ))}
          <button
            type="button"
            className="secondary"
            // The removed item's fields unmount: the focus goes to the add button, not lost on <body>.
            onClick={() => {
              remove(i)
              document.getElementById(idOf(path))?.focus()
            }}
          >
            {t('declaration.repeat.remove', { label, n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary"
        id={idOf(path)}
        onClick={() => append(fieldDefaults(form, field.fields ?? [], `${pattern}/*`))}
      >
        {t('declaration.repeat.add', { label })}
      </button>
    </fieldset>
  )
}
