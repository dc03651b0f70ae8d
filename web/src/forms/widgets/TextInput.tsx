import type { InputHTMLAttributes } from 'react'
import { useFormContext } from 'react-hook-form'
import type { Widget } from '../../../../src/domain/declarations/form-definition.ts'
import { FieldShell } from '../FieldShell.tsx'
import { fieldName } from '../renderer-context.ts'

type Kind = Extract<Widget, 'text' | 'textarea' | 'number' | 'identity-number' | 'phone' | 'email'>

/** How each kind is typed on a phone: the keyboard it opens and what the browser may fill in. */
const inputs: Record<Exclude<Kind, 'textarea'>, InputHTMLAttributes<HTMLInputElement>> = {
  text: { type: 'text' },
  number: { type: 'text', inputMode: 'numeric', autoComplete: 'off' },
  'identity-number': { type: 'text', inputMode: 'numeric', maxLength: 12, autoComplete: 'off', spellCheck: false },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'off' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'off', spellCheck: false },
}

/** A whole number typed as digits is stored as a number; anything else is kept for the schema to refuse. */
const asNumber = (value: unknown) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value

/** Text, numbers, identity numbers, phones and e-mails: one input each, the schema decides what is valid. */
export function TextInput({
  path,
  kind,
  label,
  hint,
}: {
  path: string
  kind: Kind
  label: string
  hint?: string | undefined
}) {
  const { register } = useFormContext()
  const name = fieldName(path)
  return (
    <FieldShell path={path} label={label} hint={hint}>
      {(id, described) =>
        kind === 'textarea' ? (
          <textarea id={id} rows={4} {...described} {...register(name)} />
        ) : (
          <input
            id={id}
            {...inputs[kind]}
            {...described}
            {...register(name, kind === 'number' ? { setValueAs: asNumber } : {})}
          />
        )
      }
    </FieldShell>
  )
}
