import { type FormEvent, useCallback, useEffect, useId, useState } from 'react'
import { api, errorText } from '../../api.ts'
import { useI18n } from '../../i18n/messages.ts'

/** The server's CalendarYearView (src/http/routes/calendar.ts). */
type CalendarYear = {
  year: number
  decided: boolean
  decision: Record<string, unknown> & { year: number }
  exceptions: { date: string; working: boolean; reason: string }[]
  enteredBy: string | null
  enteredAt: string | null
}

/** The decision as the PUT body takes it: the year comes from the address. */
function decisionText(view: CalendarYear): string {
  const { year: _year, ...fields } = view.decision
  return JSON.stringify(fields, null, 2)
}

/** Provincial administrators: a year's days off and make-up days, the decision behind them. */
export function CalendarPage() {
  const { t, lang, formatInstant } = useI18n()
  const yearId = useId()
  const jsonId = useId()
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const [view, setView] = useState<CalendarYear | null>(null)
  const [loadError, setLoadError] = useState('')
  const [text, setText] = useState('')
  const [message, setMessage] = useState('')
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)

  const show = useCallback((next: CalendarYear) => {
    setView(next)
    setText(decisionText(next))
  }, [])

  useEffect(() => {
    let live = true
    setView(null)
    setLoadError('')
    setMessage('')
    api<CalendarYear>(`/api/calendar/years/${year}`).then(
      (next) => live && show(next),
      (error: unknown) => live && setLoadError(errorText(error, lang, t('common.networkError'))),
    )
    return () => {
      live = false
    }
  }, [year, lang, t, show])

  const run = async (work: () => Promise<CalendarYear>, done: string) => {
    setBusy(true)
    setFailed(false)
    setMessage(t('calendar.working'))
    try {
      show(await work())
      setMessage(done)
    } catch (error) {
      setFailed(true)
      setMessage(errorText(error, lang, t('common.networkError')))
    } finally {
      setBusy(false)
    }
  }

  const save = (event: FormEvent) => {
    event.preventDefault()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      setFailed(true)
      setMessage(t('calendar.badJson'))
      return
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      setFailed(true)
      setMessage(t('calendar.badJson'))
      return
    }
    void run(() => api<CalendarYear>(`/api/calendar/years/${year}`, { method: 'PUT', body }), t('calendar.saved'))
  }

  const reset = () =>
    void run(() => api<CalendarYear>(`/api/calendar/years/${year}`, { method: 'DELETE' }), t('calendar.resetDone'))

  const years = Array.from({ length: 5 }, (_, i) => thisYear - 1 + i)
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <div className="form-field">
        <label htmlFor={yearId}>{t('calendar.year')}</label>
        <select id={yearId} value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <p role="status" aria-live="polite" className={failed ? 'error' : 'result'}>
        {message}
      </p>
      {!view ? (
        <p role="status" className={loadError ? 'error' : undefined}>
          {loadError || t('common.loading')}
        </p>
      ) : (
        <>
          <p>
            {view.decided
              ? t('calendar.decided', { by: view.enteredBy ?? '', at: formatInstant(view.enteredAt) })
              : t('calendar.default')}
          </p>
          <h2>{t('calendar.exceptions')}</h2>
          {view.exceptions.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption>{t('calendar.caption', { year: view.year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('calendar.col.date')}</th>
                    <th scope="col">{t('calendar.col.kind')}</th>
                    <th scope="col">{t('calendar.col.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.exceptions.map((e) => (
                    <tr key={e.date}>
                      <td>
                        <time dateTime={e.date}>{e.date}</time>
                      </td>
                      <td>{e.working ? t('calendar.working_day') : t('calendar.dayOff')}</td>
                      <td>{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>{t('calendar.replace')}</h2>
          <form className="stack" onSubmit={save}>
            <label htmlFor={jsonId}>{t('calendar.json')}</label>
            <textarea
              id={jsonId}
              rows={16}
              spellCheck={false}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit" className="primary" disabled={busy}>
              {t('calendar.save')}
            </button>
          </form>
          {view.decided && (
            <p>
              <button type="button" className="secondary" disabled={busy} onClick={reset}>
                {t('calendar.reset')}
              </button>
            </p>
          )}
        </>
      )}
    </>
  )
}
