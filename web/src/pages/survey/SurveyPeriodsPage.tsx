import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { Link } from '../../router.tsx'

/** Các kỳ khảo sát SIPAS: the Department of Home Affairs opens a period and sees the earlier ones. */
export function SurveyPeriodsPage({ canOpen }: { canOpen: boolean }) {
  const { t, lang } = useI18n()
  const queries = useQueryClient()
  const ids = { name: useId(), from: useId(), to: useId(), margin: useId(), seed: useId() }
  const list = useQuery({ queryKey: ['surveys'], queryFn: () => ok(client.GET('/api/surveys')) })
  const [form, setForm] = useState({ name: '', from: '', to: '', margin: '5', seed: '' })
  const [message, setMessage] = useState('')
  const [failed, setFailed] = useState(false)
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }))
  const open = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setFailed(false)
    try {
      const period = await ok(
        client.POST('/api/surveys', {
          body: {
            name: form.name,
            from: form.from,
            to: form.to,
            marginBasisPoints: Math.round(Number(form.margin) * 100),
            ...(form.seed.trim() === '' ? {} : { seed: form.seed.trim() }),
          },
        }),
      )
      setMessage(t('survey.opened', { n: period.sampleSize, N: period.population }))
      await queries.invalidateQueries({ queryKey: ['surveys'] })
    } catch (error) {
      setFailed(true)
      setMessage(errorText(error, lang, t('common.networkError')))
    }
  }
  return (
    <>
      <h1>{t('survey.periods.title')}</h1>
      <p>{t('survey.periods.intro')}</p>
      {canOpen && (
        <form className="stack" onSubmit={open} aria-labelledby={`${ids.name}-h`}>
          <h2 id={`${ids.name}-h`}>{t('survey.open.title')}</h2>
          <label htmlFor={ids.name}>{t('survey.open.name')}</label>
          <input id={ids.name} value={form.name} onChange={set('name')} required />
          <label htmlFor={ids.from}>{t('survey.open.from')}</label>
          <input id={ids.from} type="date" value={form.from} onChange={set('from')} required />
          <label htmlFor={ids.to}>{t('survey.open.to')}</label>
          <input id={ids.to} type="date" value={form.to} onChange={set('to')} required />
          <label htmlFor={ids.margin}>{t('survey.open.margin')}</label>
          <input
            id={ids.margin}
            type="number"
            min="0.01"
            max="100"
            step="0.01"
            value={form.margin}
            onChange={set('margin')}
          />
          <label htmlFor={ids.seed}>{t('survey.open.seed')}</label>
          <input id={ids.seed} value={form.seed} onChange={set('seed')} />
          <button type="submit">{t('survey.open.submit')}</button>
          <Announcement failed={failed} className="result">
            {message}
          </Announcement>
        </form>
      )}
      {list.data && (
        <div className="table-wrap">
          <table>
            <caption>{t('survey.periods.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('survey.open.name')}</th>
                <th scope="col">{t('survey.period.range')}</th>
                <th scope="col">{t('survey.period.sample')}</th>
                <th scope="col">{t('survey.period.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/can-bo/khao-sat/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>
                    {p.from} – {p.to}
                  </td>
                  <td>
                    {p.sampleSize} / {p.population}
                  </td>
                  <td>{t(p.status === 'open' ? 'survey.status.open' : 'survey.status.closed')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
