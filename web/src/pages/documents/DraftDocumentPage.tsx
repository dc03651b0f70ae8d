import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { agencyTreeQuery } from '../../api/agencies.ts'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { useRouter } from '../../router.tsx'
import type { Grant } from '../../session.tsx'
import { agencyChoices } from '../petition-agencies.ts'

const urgencies = ['normal', 'urgent', 'very-urgent', 'flash'] as const
const secrecy = ['none', 'mat', 'toi-mat', 'tuyet-mat'] as const

/**
 * Soạn thảo văn bản đi (Decree 30/2020 Art. 10): the template's fields, for a specialist's agency.
 * With `?tra-loi={id}` it drafts the reply to that incoming document, to its sender (Art. 24).
 */
export function DraftDocumentPage({ grants }: { grants: readonly Grant[] }) {
  const { t, tx, lang } = useI18n()
  usePageHead(t('doc.draft.title'), t('doc.inbox.title'))
  const { navigate, search } = useRouter()
  const replyTo = search.get('tra-loi')
  const own = [...new Set(grants.filter((g) => g.role === 'specialist').map((g) => g.agencyId))]
  const ids = {
    agency: useId(),
    type: useId(),
    subject: useId(),
    body: useId(),
    urgency: useId(),
    secrecy: useId(),
    unit: useId(),
    to: useId(),
    hint: useId(),
  }
  const [agency, setAgency] = useState(own[0] ?? '')
  const [type, setType] = useState('cong-van')
  const [subject, setSubject] = useState('')
  const [body, setBody] = useState('')
  const [urgency, setUrgency] = useState<(typeof urgencies)[number]>('normal')
  const [confidentiality, setConfidentiality] = useState<(typeof secrecy)[number]>('none')
  const [unit, setUnit] = useState('VP')
  const [recipients, setRecipients] = useState<string[]>([])
  const agencies = useQuery(agencyTreeQuery)
  const types = useQuery({ queryKey: ['document-types'], queryFn: () => ok(client.GET('/api/documents/types')) })
  const answered = useQuery({
    queryKey: ['document', replyTo],
    enabled: replyTo !== null,
    queryFn: () => ok(client.GET('/api/documents/{id}', { params: { path: { id: replyTo ?? '' } } })),
  })
  const replied = answered.data?.document
  useEffect(() => {
    if (!replied?.incoming) return
    setSubject((s) => s || t('doc.replySubject', { notation: replied.notation ?? '' }))
    setAgency(replied.agencyId)
    if (replied.incoming.senderAgencyId) setRecipients([replied.incoming.senderAgencyId])
  }, [replied, t])
  const names = new Map(agencyChoices(agencies.data ?? []).map((a) => [a.id, a.name]))
  const save = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/documents', {
          body: {
            agencyId: agency,
            content: {
              type: type as 'cong-van',
              subject: subject.trim(),
              body: body.trim(),
              urgency,
              confidentiality,
              draftingUnit: unit,
              recipients: recipients.map((agencyId) => ({ kind: 'agency' as const, agencyId })),
              replyTo,
            },
          },
        }),
      ),
    onSuccess: (d) => navigate(`/can-bo/van-ban/${d.id}`),
  })
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (event.currentTarget.reportValidity()) save.mutate()
  }
  return (
    <>
      <h1>{t('doc.draft.title')}</h1>
      {replied && (
        <p>
          {t('doc.replyTo')}: {replied.notation} — {replied.subject}
        </p>
      )}
      <form className="stack" onSubmit={submit}>
        <label htmlFor={ids.agency}>{t('doc.agency')}</label>
        <select id={ids.agency} required value={agency} onChange={(e) => setAgency(e.target.value)}>
          {own.map((id) => (
            <option key={id} value={id}>
              {names.get(id) ?? id}
            </option>
          ))}
        </select>
        <label htmlFor={ids.type}>{t('doc.type')}</label>
        <select id={ids.type} required value={type} onChange={(e) => setType(e.target.value)}>
          {(types.data?.items ?? [{ id: 'cong-van', name: 'Công văn', abbreviation: null }]).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
              {d.abbreviation ? ` (${d.abbreviation})` : ''}
            </option>
          ))}
        </select>
        <label htmlFor={ids.subject}>{t('doc.subject')}</label>
        <input id={ids.subject} required maxLength={500} value={subject} onChange={(e) => setSubject(e.target.value)} />
        <label htmlFor={ids.body}>{t('doc.body')}</label>
        <textarea id={ids.body} required rows={8} value={body} onChange={(e) => setBody(e.target.value)} />
        <label htmlFor={ids.urgency}>{t('doc.urgency')}</label>
        <select
          id={ids.urgency}
          value={urgency}
          onChange={(e) => setUrgency(e.target.value as (typeof urgencies)[number])}
        >
          {urgencies.map((u) => (
            <option key={u} value={u}>
              {tx(`doc.urgency.${u}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.secrecy}>{t('doc.confidentiality')}</label>
        <select
          id={ids.secrecy}
          value={confidentiality}
          onChange={(e) => setConfidentiality(e.target.value as (typeof secrecy)[number])}
        >
          {secrecy.map((c) => (
            <option key={c} value={c}>
              {tx(`doc.confidentiality.${c}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.unit}>{t('doc.draftingUnit')}</label>
        <input
          id={ids.unit}
          required
          pattern="[A-ZĐ0-9]{1,10}"
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
        />
        <label htmlFor={ids.to}>{t('doc.recipients')}</label>
        <select
          id={ids.to}
          multiple
          required
          size={8}
          aria-describedby={ids.hint}
          value={recipients}
          onChange={(e) => setRecipients([...e.target.selectedOptions].map((o) => o.value))}
        >
          {agencyChoices(agencies.data ?? [])
            .filter((a) => a.id !== agency)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
        <p id={ids.hint}>{t('doc.recipientsHint')}</p>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('doc.draft.save')}
        </button>
      </form>
      {save.error && (
        <p role="alert" className="error">
          {errorText(save.error, lang, t('common.networkError'))}
        </p>
      )}
    </>
  )
}
