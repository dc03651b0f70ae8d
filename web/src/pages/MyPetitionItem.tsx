import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { client, errorText, ok } from '../api/client.ts'
import { useI18n } from '../i18n/messages.ts'

/** What the item reads of a petition in GET /api/petitions/mine. */
export type MyPetition = {
  readonly code: string
  readonly version: number
  readonly status: string
  readonly title: string
  readonly receivedAt: string | null
  /** The earlier petition this one follows up, if any. */
  readonly followsUp: string | null
  readonly answer: string | null
  readonly consentToPublish: boolean
  readonly satisfied: boolean | null
  readonly availableActions: readonly string[]
}

/**
 * One of my petitions: its state and answer, a supplement when one is asked, the consent to publish
 * (given or withdrawn at any time, Decree 20/2008 Art. 19) and a one-time rating of the answer.
 */
export function MyPetitionItem({ petition: p }: { petition: MyPetition }) {
  const { t, tx, lang, formatInstant } = useI18n()
  const queryClient = useQueryClient()
  const supplementId = useId()
  const [supplement, setSupplement] = useState('')
  const path = { params: { path: { code: p.code } } }
  const done = () => queryClient.invalidateQueries({ queryKey: ['petitions-mine'] })
  const send = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/petitions/{code}/supplements', {
          ...path,
          body: { content: supplement.trim(), expectedVersion: p.version },
        }),
      ),
    onSuccess: done,
  })
  const consent = useMutation({
    mutationFn: (value: boolean) =>
      ok(
        client.POST('/api/petitions/{code}/publication-consent', {
          ...path,
          body: { consent: value, expectedVersion: p.version },
        }),
      ),
    onSuccess: done,
  })
  const rate = useMutation({
    mutationFn: (satisfied: boolean) =>
      ok(client.POST('/api/petitions/{code}/rating', { ...path, body: { satisfied, expectedVersion: p.version } })),
    onSuccess: done,
  })
  const can = (action: string) => p.availableActions.includes(action)
  const submitSupplement = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (event.currentTarget.reportValidity()) send.mutate()
  }
  const failed = send.error ?? consent.error ?? rate.error
  return (
    <article className="card" aria-labelledby={`${supplementId}-title`}>
      <h2 id={`${supplementId}-title`}>{p.title}</h2>
      <dl>
        <dt>{t('petition.code')}</dt>
        <dd>{p.code}</dd>
        <dt>{t('petition.status')}</dt>
        <dd>{tx(`petition.status.${p.status}`)}</dd>
        {p.receivedAt && (
          <>
            <dt>{t('petition.receivedAt')}</dt>
            <dd>{formatInstant(p.receivedAt)}</dd>
          </>
        )}
        {p.followsUp !== null && (
          <>
            <dt>{t('petition.followsUpOf')}</dt>
            <dd>{t('petition.repeatOf', { code: p.followsUp })}</dd>
          </>
        )}
      </dl>
      {p.answer !== null && (
        <>
          <h3>{t('petition.answer')}</h3>
          <p>{p.answer}</p>
        </>
      )}
      {can('supplement') && (
        <form className="stack" onSubmit={submitSupplement}>
          <label htmlFor={supplementId}>{t('petition.mine.supplement')}</label>
          <textarea
            id={supplementId}
            required
            rows={4}
            value={supplement}
            onChange={(e) => setSupplement(e.target.value)}
          />
          <button type="submit" disabled={send.isPending}>
            {t('petition.mine.supplementButton')}
          </button>
        </form>
      )}
      {can('consent-to-publish') && (
        <label className="choice">
          <input
            type="checkbox"
            checked={p.consentToPublish}
            disabled={consent.isPending}
            onChange={(e) => consent.mutate(e.target.checked)}
          />
          {t('petition.mine.consent')}
        </label>
      )}
      {can('rate') && (
        <fieldset>
          <legend>{t('petition.mine.rate')}</legend>
          <button type="button" disabled={rate.isPending} onClick={() => rate.mutate(true)}>
            {t('petition.mine.satisfied')}
          </button>{' '}
          <button type="button" disabled={rate.isPending} onClick={() => rate.mutate(false)}>
            {t('petition.mine.notSatisfied')}
          </button>
        </fieldset>
      )}
      {p.satisfied !== null && (
        <p>{p.satisfied ? t('petition.mine.ratedSatisfied') : t('petition.mine.ratedNotSatisfied')}</p>
      )}
      {failed && (
        <p role="alert" className="error">
          {errorText(failed, lang, t('common.networkError'))}
        </p>
      )}
    </article>
  )
}
