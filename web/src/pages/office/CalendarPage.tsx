import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import type { Answer, Body } from '../../api/types.ts'
import { ErrorSummary, FieldMessage, fieldState, useFieldErrors } from '../../forms/field-errors.tsx'
import { useI18n } from '../../i18n/messages.ts'
import { HolidayRules } from './HolidayRules.tsx'

type CalendarYear = Answer<'/api/calendar/years/{year}', 'get'>
type Decision = Body<'/api/calendar/years/{year}', 'put'>

/** The decision as the PUT body takes it: the year comes from the address. */
function decisionText(view: CalendarYear): string {
  const { year: _year, ...fields } = view.decision
  return JSON.stringify(fields, null, 2)
}

/** Provincial administrators: a year's days off and make-up days, the decision behind them. */
export function CalendarPage() {
  const { t, lang, formatInstant } = useI18n()
  const queries = useQueryClient()
  const yearId = useId()
  const jsonId = useId()
  const fieldErrors = useFieldErrors()
  const { errors } = fieldErrors
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const key = ['calendar-year', year]
  const load = useQuery({
    queryKey: key,
    queryFn: () => ok(client.GET('/api/calendar/years/{year}', { params: { path: { year } } })),
  })
  const view = load.data
  const [text, setText] = useState('')
  // The editor starts from the decision in force, and again after each save or reset.
  useEffect(() => {
    if (view) setText(decisionText(view))
  }, [view])

  const change = useMutation({
    mutationFn: (body: Decision | null) =>
      body === null
        ? ok(client.DELETE('/api/calendar/years/{year}', { params: { path: { year } } }))
        : ok(client.PUT('/api/calendar/years/{year}', { params: { path: { year } }, body })),
    onSuccess: (next) => queries.setQueryData(key, next),
    onSettled: () => queries.invalidateQueries({ queryKey: ['calendar-year'] }),
  })
  const busy = change.isPending

  const save = (event: FormEvent) => {
    event.preventDefault()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = null
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      fieldErrors.report([{ fieldId: jsonId, message: t('calendar.badJson') }])
      return
    }
    fieldErrors.clear()
    change.mutate(body as Decision)
  }

  const reset = () => change.mutate(null)
  const message = change.isPending
    ? t('calendar.working')
    : change.isError
      ? errorText(change.error, lang, t('common.networkError'))
      : change.isSuccess
        ? change.variables === null
          ? t('calendar.resetDone')
          : t('calendar.saved')
        : ''

  const years = Array.from({ length: 5 }, (_, i) => thisYear - 1 + i)
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <div className="form-field">
        <label htmlFor={yearId}>{t('calendar.year')}</label>
        <select
          id={yearId}
          value={year}
          onChange={(event) => {
            setYear(Number(event.target.value))
            change.reset()
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <Announcement failed={change.isError} className="result">
        {message}
      </Announcement>
      {!view ? (
        <Announcement failed={load.isError}>
          {load.isError ? errorText(load.error, lang, t('common.networkError')) : t('common.loading')}
        </Announcement>
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
          <form className="stack" onSubmit={save} noValidate>
            <ErrorSummary errors={errors} summaryRef={fieldErrors.summaryRef} />
            <label htmlFor={jsonId}>{t('calendar.json')}</label>
            <FieldMessage errors={errors} fieldId={jsonId} />
            <textarea
              id={jsonId}
              {...fieldState(errors, jsonId)}
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
      <HolidayRules />
    </>
  )
}
