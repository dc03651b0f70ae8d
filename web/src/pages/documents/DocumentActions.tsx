import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { client, errorText, ok } from '../../api/client.ts'
import { type MessageKey, useI18n } from '../../i18n/messages.ts'

/** The command route of each action and the fields its form asks for (the server's availableActions decides which show). */
const forms: Record<string, { path: string; label: MessageKey; fields: readonly Field[]; primary?: boolean }> = {
  submit: { path: 'submission', label: 'doc.action.submit', fields: [], primary: true },
  review: { path: 'review', label: 'doc.action.review', fields: [], primary: true },
  return: { path: 'return', label: 'doc.action.return', fields: ['note'] },
  approve: { path: 'approval', label: 'doc.action.approve', fields: ['signerTitle'], primary: true },
  number: { path: 'numbering', label: 'doc.action.number', fields: [], primary: true },
  issue: { path: 'issuance', label: 'doc.action.issue', fields: [], primary: true },
  register: { path: 'registration', label: 'doc.action.register', fields: [], primary: true },
  assign: { path: 'assignment', label: 'doc.action.assign', fields: ['handlerId', 'dueOn', 'opinion'], primary: true },
  'add-opinion': { path: 'opinions', label: 'doc.action.addOpinion', fields: ['text'] },
  finish: { path: 'completion', label: 'doc.action.finish', fields: ['note'] },
  answer: { path: 'answer', label: 'doc.action.answer', fields: ['replyId'] },
}
type Field = 'note' | 'signerTitle' | 'handlerId' | 'dueOn' | 'opinion' | 'text' | 'replyId'
const fieldLabel: Record<Field, MessageKey> = {
  note: 'doc.note',
  signerTitle: 'doc.signerTitle',
  handlerId: 'doc.handler',
  dueOn: 'doc.due',
  opinion: 'doc.opinion',
  text: 'doc.opinion',
  replyId: 'doc.replyId',
}

function ActionForm({ id, action, version }: { id: string; action: string; version: number }) {
  const { t, lang } = useI18n()
  const spec = forms[action]
  const base = useId()
  const queryClient = useQueryClient()
  const [values, setValues] = useState<Record<string, string>>({ signerTitle: 'GIÁM ĐỐC' })
  const handlers = useQuery({
    queryKey: ['document-handlers', id],
    queryFn: () => ok(client.GET('/api/documents/{id}/handlers', { params: { path: { id } } })),
    enabled: spec?.fields.includes('handlerId') ?? false,
  })
  const run = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = { expectedVersion: version }
      for (const f of spec?.fields ?? []) body[f] = f === 'dueOn' ? values[f] || null : (values[f] ?? '').trim()
      if (action === 'review') body.note = null
      return ok(
        client.POST(`/api/documents/{id}/${spec?.path}` as '/api/documents/{id}/submission', {
          params: { path: { id } },
          body: body as never,
        }),
      )
    },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['document', id] })]),
  })
  if (!spec) return null
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (event.currentTarget.reportValidity()) run.mutate()
  }
  const set = (f: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value }))
  return (
    <form className="stack" onSubmit={submit} aria-label={t(spec.label)}>
      {spec.fields.map((f) => (
        <div key={f} className="stack">
          <label htmlFor={`${base}-${f}`}>{t(fieldLabel[f])}</label>
          {f === 'handlerId' ? (
            <select id={`${base}-${f}`} required value={values[f] ?? ''} onChange={set(f)}>
              <option value="">{t('doc.handlerChoose')}</option>
              {(handlers.data?.items ?? []).map((h) => (
                <option key={h.userId} value={h.userId}>
                  {h.name}
                </option>
              ))}
            </select>
          ) : f === 'dueOn' ? (
            <input id={`${base}-${f}`} type="date" value={values[f] ?? ''} onChange={set(f)} />
          ) : f === 'signerTitle' ? (
            <textarea id={`${base}-${f}`} required rows={2} value={values[f] ?? ''} onChange={set(f)} />
          ) : (
            <input id={`${base}-${f}`} required value={values[f] ?? ''} onChange={set(f)} />
          )}
        </div>
      ))}
      <button type="submit" className={spec.primary ? 'primary' : undefined} disabled={run.isPending}>
        {t(spec.label)}
      </button>
      {run.error && (
        <p role="alert" className="error">
          {errorText(run.error, lang, t('common.networkError'))}
        </p>
      )}
    </form>
  )
}

/** One form per action the caller may take now. */
export function DocumentActions({ id, actions, version }: { id: string; actions: readonly string[]; version: number }) {
  return (
    <>
      {actions
        .filter((a) => a in forms)
        .map((a) => (
          <ActionForm key={`${a}-${version}`} id={id} action={a} version={version} />
        ))}
    </>
  )
}
