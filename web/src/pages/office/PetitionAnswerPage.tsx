import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { agencyTreeQuery } from '../../api/agencies.ts'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { agencyChoices } from '../petition-agencies.ts'
import { PetitionFollowUpForm } from './PetitionFollowUpForm.tsx'
import { PetitionTriageForms } from './PetitionTriageForms.tsx'

/** One petition for the officer: classify, ask a supplement, refuse, route or answer it (rules.md, Petitions). */
export function PetitionAnswerPage({ code }: { code: string }) {
  const { t, tx, lang, formatInstant } = useI18n()
  usePageHead(code, t('petition.queue.title'))
  const queryClient = useQueryClient()
  const agencyId = useId()
  const answerId = useId()
  const [agency, setAgency] = useState('')
  const [answer, setAnswer] = useState('')
  const agencies = useQuery(agencyTreeQuery)
  const petition = useQuery({
    queryKey: ['petition', code],
    queryFn: () => ok(client.GET('/api/petitions/{code}', { params: { path: { code } } })),
  })
  const done = () => queryClient.invalidateQueries({ queryKey: ['petition', code] })
  const route = useMutation({
    mutationFn: (version: number) =>
      ok(
        client.POST('/api/petitions/{code}/assignment', {
          params: { path: { code } },
          body: { agencyId: agency, expectedVersion: version },
        }),
      ),
    onSuccess: done,
  })
  const reply = useMutation({
    mutationFn: (version: number) =>
      ok(
        client.POST('/api/petitions/{code}/answer', {
          params: { path: { code } },
          body: { answer: answer.trim(), expectedVersion: version },
        }),
      ),
    onSuccess: done,
  })
  const p = petition.data
  if (petition.isError)
    return (
      <p role="alert" className="error">
        {errorText(petition.error, lang, t('common.networkError'))}
      </p>
    )
  if (!p) return <p role="status">{t('common.loading')}</p>
  const submitRoute = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (event.currentTarget.reportValidity()) route.mutate(p.version)
  }
  const submitAnswer = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (event.currentTarget.reportValidity()) reply.mutate(p.version)
  }
  const failed = route.error ?? reply.error
  return (
    <>
      <h1>{p.title}</h1>
      <dl>
        <dt>{t('petition.code')}</dt>
        <dd>{p.code}</dd>
        <dt>{t('petition.status')}</dt>
        <dd>{tx(`petition.status.${p.status}`)}</dd>
        <dt>{t('petition.due')}</dt>
        <dd>{formatInstant(p.dueAt)}</dd>
        <dt>{t('petition.name')}</dt>
        <dd>{p.petitioner.name}</dd>
        {p.followsUp !== null && (
          <>
            <dt>{t('petition.followsUpOf')}</dt>
            <dd>{t('petition.repeatOf', { code: p.followsUp })}</dd>
          </>
        )}
      </dl>
      <p>{p.content}</p>
      {p.answer !== null && (
        <>
          <h2>{t('petition.answer')}</h2>
          <p>{p.answer}</p>
        </>
      )}
      <PetitionTriageForms petition={p} />
      {p.availableActions.includes('mark-follow-up') && <PetitionFollowUpForm petition={p} />}
      {p.availableActions.includes('assign') && (
        <form className="stack" onSubmit={submitRoute}>
          <h2>{t('petition.route')}</h2>
          <label htmlFor={agencyId}>{t('petition.routeTo')}</label>
          <select id={agencyId} required value={agency} onChange={(e) => setAgency(e.target.value)}>
            <option value="">{t('petition.agencyChoose')}</option>
            {agencyChoices(agencies.data ?? [])
              .filter((a) => a.id !== p.agencyId)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </select>
          <button type="submit" disabled={route.isPending}>
            {t('petition.routeButton')}
          </button>
        </form>
      )}
      {p.availableActions.includes('answer') && (
        <form className="stack" onSubmit={submitAnswer}>
          <h2>{t('petition.answerTitle')}</h2>
          <label htmlFor={answerId}>{t('petition.answer')}</label>
          <textarea id={answerId} required rows={6} value={answer} onChange={(e) => setAnswer(e.target.value)} />
          <button type="submit" className="primary" disabled={reply.isPending}>
            {t('petition.answerButton')}
          </button>
        </form>
      )}
      {failed && (
        <p role="alert" className="error">
          {errorText(failed, lang, t('common.networkError'))}
        </p>
      )}
    </>
  )
}
