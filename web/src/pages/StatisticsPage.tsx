import { type FormEvent, useEffect, useId, useMemo, useState } from 'react'
import { api, errorText } from '../api.ts'
import { useI18n } from '../i18n/messages.ts'

type FieldRow = { field: string; fieldName: string; received: number; resolved: number; late: number }
type Statistics = {
  from: string
  to: string
  received: number
  receivedOnline: number
  onlineShare: number | null
  resolved: number
  early: number
  onTime: number
  late: number
  onTimeShare: number | null
  byField: FieldRow[]
}

type Period = { from: string; to: string }
type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; data: Statistics }

export function StatisticsPage() {
  const { t, lang } = useI18n()
  const fromId = useId()
  const toId = useId()
  // Empty at first: the server picks the default period (the last 30 days, Vietnam time) and says which.
  const [period, setPeriod] = useState<Period>({ from: '', to: '' })
  const [draft, setDraft] = useState<Period>({ from: '', to: '' })
  const [load, setLoad] = useState<Load>({ state: 'loading' })

  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB'
  const formats = useMemo(
    () => ({
      count: new Intl.NumberFormat(locale),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
    }),
    [locale],
  )
  const share = (value: number | null) => (value === null ? t('stats.noShare') : formats.percent.format(value))

  useEffect(() => {
    let live = true
    setLoad({ state: 'loading' })
    const query = new URLSearchParams()
    if (period.from) query.set('from', period.from)
    if (period.to) query.set('to', period.to)
    const suffix = query.size > 0 ? `?${query}` : ''
    api<Statistics>(`/api/statistics${suffix}`).then(
      (data) => {
        if (!live) return
        setLoad({ state: 'done', data })
        setDraft({ from: data.from, to: data.to })
      },
      (error: unknown) => live && setLoad({ state: 'error', message: errorText(error, lang, t('stats.error')) }),
    )
    return () => {
      live = false
    }
  }, [period, lang, t])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setPeriod({ ...draft })
  }

  const data = load.state === 'done' ? load.data : null
  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p>{t('stats.intro')}</p>
      <form className="stack" onSubmit={submit} aria-label={t('stats.periodLabel')}>
        <label htmlFor={fromId}>{t('stats.from')}</label>
        <input
          id={fromId}
          type="date"
          value={draft.from}
          max={draft.to || undefined}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <label htmlFor={toId}>{t('stats.to')}</label>
        <input
          id={toId}
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <button type="submit" className="primary" disabled={load.state === 'loading'}>
          {t('stats.apply')}
        </button>
      </form>
      <p role="status" aria-live="polite" className={load.state === 'error' ? 'error' : undefined}>
        {load.state === 'loading'
          ? t('common.loading')
          : load.state === 'error'
            ? load.message
            : t('stats.period', { from: load.data.from, to: load.data.to })}
      </p>
      {data && (
        <>
          <h2>{t('stats.figures')}</h2>
          <dl className="facts">
            <dt>{t('stats.received')}</dt>
            <dd>{formats.count.format(data.received)}</dd>
            <dt>{t('stats.onlineShare')}</dt>
            <dd>
              {share(data.onlineShare)}{' '}
              <span className="meta">
                {t('stats.onlineCount', { count: formats.count.format(data.receivedOnline) })}
              </span>
            </dd>
            <dt>{t('stats.resolved')}</dt>
            <dd>{formats.count.format(data.resolved)}</dd>
            <dt>{t('stats.onTimeShare')}</dt>
            <dd>{share(data.onTimeShare)}</dd>
            <dt>{t('stats.late')}</dt>
            <dd>{formats.count.format(data.late)}</dd>
          </dl>
          <h2>{t('stats.byField')}</h2>
          {data.byField.length === 0 ? (
            <p>{t('stats.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption>{t('stats.byFieldCaption', { from: data.from, to: data.to })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('stats.field')}</th>
                    <th scope="col">{t('stats.received')}</th>
                    <th scope="col">{t('stats.resolved')}</th>
                    <th scope="col">{t('stats.late')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.byField.map((row) => (
                    <tr key={row.field}>
                      <th scope="row">{row.fieldName || t('stats.unknownField')}</th>
                      <td>{formats.count.format(row.received)}</td>
                      <td>{formats.count.format(row.resolved)}</td>
                      <td>{formats.count.format(row.late)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  )
}
