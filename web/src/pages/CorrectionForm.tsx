import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { valueAt } from '../../../src/domain/declarations/named-rules.ts'
import { client, errorText, newIdempotencyKey, ok } from '../api/client.ts'
import type { DossierView } from '../api/types.ts'
import { ErrorSummary, FieldMessage, fieldState, useFieldErrors } from '../forms/field-errors.tsx'
import { schemasAt } from '../forms/schema-at.ts'
import { formatIsoDate, parseTypedDate } from '../forms/typed-date.ts'
import { useI18n } from '../i18n/messages.ts'
import { type CorrectableField, correctableFields } from './office/correctable-fields.ts'

type Kind = { kind: 'date' } | { kind: 'integer' } | { kind: 'text' } | { kind: 'select'; options: [string, string][] }

/** How a field is typed here, from its schema (and its code list for the names of the values). */
function kindOf(form: FormDefinition, field: CorrectableField): Kind {
  const path = field.path
  const schema = schemasAt(form.schema, path)
  if (schema.some((s) => s.format === 'date')) return { kind: 'date' }
  const values = schema.find((s) => Array.isArray(s.enum))?.enum as string[] | undefined
  if (values) {
    const list = form.codeLists[field.codeList ?? '']
    const name = (code: string) => list?.entries.find((e) => e.code === code)?.vi ?? code
    return { kind: 'select', options: values.map((v) => [v, name(v)]) }
  }
  if (schema.some((s) => s.type === 'integer')) return { kind: 'integer' }
  return { kind: 'text' }
}

const shown = (kind: Kind, value: unknown) =>
  kind.kind === 'date' ? formatIsoDate(value) : value === undefined || value === null ? '' : String(value)

/**
 * Sửa tờ khai: the applicant corrects exactly the fields the supplement request named, and nothing
 * else (the server refuses any other); the rest of the declaration stands as submitted.
 */
export function CorrectionForm({ dossier, onDone }: { dossier: DossierView; onDone: () => void }) {
  const { t, lang } = useI18n()
  const idBase = useId()
  const fieldErrors = useFieldErrors()
  const ref = dossier.code ?? dossier.id
  const form = useQuery({
    queryKey: ['declaration-form', ref],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () => ok(client.GET('/api/dossiers/{ref}/declaration-form', { params: { path: { ref } } })),
  }).data?.form as FormDefinition | undefined
  const paths = dossier.correctionFields
  const [typed, setTyped] = useState<Record<string, string>>({})
  const send = useMutation({
    mutationFn: (corrections: { path: string; value: unknown }[]) =>
      ok(
        client.POST('/api/dossiers/{ref}/supplements', {
          params: { path: { ref }, header: { 'idempotency-key': newIdempotencyKey() } },
          body: { expectedVersion: dossier.version, components: [], corrections },
        }),
      ),
    onSuccess: onDone,
  })
  if (!form) return <p>{t('common.loading')}</p>
  const known = new Map(correctableFields(form).map((f) => [f.path, f]))
  const fieldOf = (path: string): CorrectableField => known.get(path) ?? { path, label: { vi: path, en: path } }
  const current = (path: string) =>
    typed[path] ?? shown(kindOf(form, fieldOf(path)), valueAt(dossier.declaration?.data, path))
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!fieldErrors.check(event.currentTarget)) return
    const corrections = paths.map((path) => {
      const kind = kindOf(form, fieldOf(path))
      const text = current(path).trim()
      const value =
        kind.kind === 'date' ? (parseTypedDate(text) ?? text) : kind.kind === 'integer' ? Number(text) : text
      return { path, value }
    })
    send.mutate(corrections)
  }
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{t('mine.correctionIntro')}</p>
      <ErrorSummary errors={fieldErrors.errors} summaryRef={fieldErrors.summaryRef} />
      {paths.map((path, i) => {
        const id = `${idBase}-${i}`
        const field = fieldOf(path)
        const kind = kindOf(form, field)
        const label = field.label
        const common = {
          id,
          required: true,
          value: current(path),
          ...fieldState(fieldErrors.errors, id),
        }
        return (
          <div className="form-field" key={path}>
            <label htmlFor={id}>
              {label.vi}{' '}
              <span className="meta" lang="en">
                / {label.en}
              </span>
            </label>
            <FieldMessage errors={fieldErrors.errors} fieldId={id} />
            {kind.kind === 'select' ? (
              <select {...common} onChange={(e) => setTyped((v) => ({ ...v, [path]: e.target.value }))}>
                {kind.options.map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                inputMode={kind.kind === 'integer' ? 'numeric' : undefined}
                placeholder={kind.kind === 'date' ? 'dd/mm/yyyy' : undefined}
                onChange={(e) => setTyped((v) => ({ ...v, [path]: e.target.value }))}
              />
            )}
          </div>
        )
      })}
      {send.error && (
        <p role="alert" className="error">
          {errorText(send.error, lang, t('common.networkError'))}
        </p>
      )}
      <button type="submit" className="primary" disabled={send.isPending}>
        {t('mine.correctionSend')}
      </button>
    </form>
  )
}
