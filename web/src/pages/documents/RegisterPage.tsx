import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { agencyTreeQuery } from '../../api/agencies.ts'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { Link } from '../../router.tsx'
import type { Grant } from '../../session.tsx'
import { agencyChoices } from '../petition-agencies.ts'

/** Sổ đăng ký văn bản đi / đến of one of the officer's agencies for a year, searchable and printable. */
export function RegisterPage({ register, grants }: { register: 'outgoing' | 'incoming'; grants: readonly Grant[] }) {
  const { t, tx, lang } = useI18n()
  const title = t(register === 'outgoing' ? 'doc.register.outgoing' : 'doc.register.incoming')
  usePageHead(title, t('doc.inbox.title'))
  const own = [...new Set(grants.map((g) => g.agencyId))]
  const ids = { agency: useId(), year: useId(), q: useId() }
  const [agency, setAgency] = useState(own[0] ?? '')
  const [year, setYear] = useState(new Date().getFullYear())
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const agencies = useQuery(agencyTreeQuery)
  const names = new Map(agencyChoices(agencies.data ?? []).map((a) => [a.id, a.name]))
  const entries = useQuery({
    queryKey: ['register', register, agency, year, q],
    queryFn: () =>
      ok(
        client.GET('/api/documents/registers/{register}', {
          params: { path: { register }, query: { agencyId: agency, year, q: q || undefined, limit: 200 } },
        }),
      ),
    enabled: agency !== '',
  })
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setQ(typed.trim())
  }
  return (
    <>
      <h1>{title}</h1>
      <form className="stack" onSubmit={search}>
        <label htmlFor={ids.agency}>{t('doc.register.agency')}</label>
        <select id={ids.agency} value={agency} onChange={(e) => setAgency(e.target.value)}>
          {own.map((id) => (
            <option key={id} value={id}>
              {names.get(id) ?? id}
            </option>
          ))}
        </select>
        <label htmlFor={ids.year}>{t('doc.register.year')}</label>
        <input
          id={ids.year}
          type="number"
          min={2000}
          max={2100}
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
        />
        <label htmlFor={ids.q}>{t('doc.register.search')}</label>
        <input id={ids.q} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">{t('doc.register.find')}</button>
      </form>
      <p>
        <a href={`/api/documents/registers/${register}/pdf?agencyId=${encodeURIComponent(agency)}&year=${year}`}>
          {t('doc.register.print')}
        </a>
      </p>
      {entries.isError && (
        <p role="alert" className="error">
          {errorText(entries.error, lang, t('common.networkError'))}
        </p>
      )}
      {entries.data && entries.data.items.length === 0 && <p role="status">{t('doc.register.empty')}</p>}
      {entries.data && entries.data.items.length > 0 && (
        <table>
          <caption>
            {title} {year}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('doc.number')}</th>
              <th scope="col">{t('doc.date')}</th>
              <th scope="col">{t('doc.notation')}</th>
              <th scope="col">{t('doc.type')}</th>
              <th scope="col">{t('doc.subject')}</th>
              <th scope="col">{register === 'outgoing' ? t('doc.signer') : t('doc.sender')}</th>
              <th scope="col">{t('doc.status')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.items.map((d) => (
              <tr key={d.id}>
                <td>{d.number}</td>
                <td>{d.date}</td>
                <td>{d.notation}</td>
                <td>{d.typeName}</td>
                <td>
                  <Link to={`/can-bo/van-ban/${d.id}`}>{d.subject}</Link>
                </td>
                <td>{d.outgoing?.signerName ?? d.incoming?.senderName ?? ''}</td>
                <td>{tx(`doc.status.${d.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
