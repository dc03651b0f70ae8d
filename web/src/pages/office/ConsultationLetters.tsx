import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { agencyTreeQuery } from '../../api/agencies.ts'
import { client, errorText, ok } from '../../api/client.ts'
import type { DossierView } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'
import { Link, useRouter } from '../../router.tsx'
import { agencyChoices } from '../petition-agencies.ts'

/** The draft form, prefilled from the dossier: issuing the letter later hands the dossier over. */
function SendLetter({ dossier }: { dossier: DossierView }) {
  const { t, lang } = useI18n()
  const { navigate } = useRouter()
  const code = dossier.code ?? dossier.id
  const ids = { agency: useId(), subject: useId(), body: useId(), hint: useId() }
  const [agency, setAgency] = useState('')
  const [subject, setSubject] = useState(t('consult.subjectDefault', { code }))
  const [body, setBody] = useState(
    t('consult.bodyDefault', { code, procedure: dossier.procedure.code, applicant: dossier.applicant.name }),
  )
  const agencies = useQuery(agencyTreeQuery)
  const save = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/dossiers/{ref}/consultation-letters', {
          params: { path: { ref: code } },
          body: {
            toAgencyId: agency,
            subject: subject.trim(),
            body: body.trim(),
            urgency: 'normal',
            draftingUnit: 'VP',
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
    <details>
      <summary>{t('consult.send')}</summary>
      <form className="stack" onSubmit={submit} aria-describedby={ids.hint}>
        <p id={ids.hint}>{t('consult.hint')}</p>
        <label htmlFor={ids.agency}>{t('consult.agency')}</label>
        <select id={ids.agency} required value={agency} onChange={(e) => setAgency(e.target.value)}>
          <option value="">{t('consult.chooseAgency')}</option>
          {agencyChoices(agencies.data ?? [])
            .filter((a) => a.id !== dossier.holderAgencyId)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
        <label htmlFor={ids.subject}>{t('doc.subject')}</label>
        <input id={ids.subject} required maxLength={500} value={subject} onChange={(e) => setSubject(e.target.value)} />
        <label htmlFor={ids.body}>{t('doc.body')}</label>
        <textarea id={ids.body} required rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('consult.save')}
        </button>
      </form>
      {save.error && (
        <p role="alert" className="error">
          {errorText(save.error, lang, t('common.networkError'))}
        </p>
      )}
    </details>
  )
}

/** Văn bản lấy ý kiến (rules.md "Consultation letters on dossiers"): the dossier's letters and answers. */
export function ConsultationLetters({ dossier }: { dossier: DossierView }) {
  const { t, tx } = useI18n()
  const ref = dossier.code ?? dossier.id
  const list = useQuery({
    queryKey: ['dossier-documents', ref, dossier.version],
    queryFn: () => ok(client.GET('/api/dossiers/{ref}/documents', { params: { path: { ref } } })),
  })
  const items = list.data?.items ?? []
  const notationOf = new Map(items.map((i) => [i.document.id, i.document.notation]))
  return (
    <section aria-labelledby="dossier-consultation">
      <h2 id="dossier-consultation">{t('consult.title')}</h2>
      {items.length === 0 ? (
        <p>{list.isPending ? t('common.loading') : t('consult.none')}</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.document.id}>
              {tx(`consult.role.${i.role}`)}: <Link to={`/can-bo/van-ban/${i.document.id}`}>{i.document.subject}</Link>
              {i.document.notation ? ` — ${i.document.notation}` : ''} ({tx(`doc.status.${i.document.status}`)})
              {i.replyTo && ` · ${t('consult.answers', { notation: notationOf.get(i.replyTo) ?? '' })}`}
            </li>
          ))}
        </ul>
      )}
      {dossier.availableActions.includes('transfer-to-agency') && <SendLetter dossier={dossier} />}
    </section>
  )
}
