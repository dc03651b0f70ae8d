import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { client, errorText, ok } from '../api/client.ts'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'

/** Công khai kết quả xử lý: answered petitions the petitioners agreed to publish (Decree 20/2008 Art. 19). */
export function PublishedPetitionsPage() {
  const { t, lang, formatInstant } = useI18n()
  usePageHead(t('petition.published.title'), t('petition.published.head'))
  const searchId = useId()
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const list = useQuery({
    queryKey: ['petitions-published', q],
    queryFn: () => ok(client.GET('/api/petitions/published', { params: { query: { q } } })),
  })
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setQ(typed.trim())
  }
  return (
    <>
      <h1>{t('petition.published.title')}</h1>
      <form className="stack" onSubmit={search}>
        <label htmlFor={searchId}>{t('petition.published.search')}</label>
        <input id={searchId} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">{t('petition.published.searchButton')}</button>
      </form>
      {list.isError && (
        <p role="alert" className="error">
          {errorText(list.error, lang, t('common.networkError'))}
        </p>
      )}
      {list.data && list.data.items.length === 0 && <p role="status">{t('petition.published.none')}</p>}
      {list.data?.items.map((p) => (
        <article key={p.code} aria-labelledby={`pakn-${p.code}`}>
          <h2 id={`pakn-${p.code}`}>{p.title}</h2>
          <p>
            {p.code} · {t('petition.receivedOn', { date: formatInstant(p.receivedAt) })} ·{' '}
            {t('petition.answeredOn', { date: formatInstant(p.answeredAt) })}
          </p>
          <p>{p.content}</p>
          <h3>{t('petition.answer')}</h3>
          <p>{p.answer}</p>
        </article>
      ))}
    </>
  )
}
