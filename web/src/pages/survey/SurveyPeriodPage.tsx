import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { QuestionnaireFields } from './QuestionnaireFields.tsx'

const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`)

/** Một kỳ khảo sát: its sample per agency, the results with 95 % intervals, paper entry and closure. */
export function SurveyPeriodPage({ id, canManage }: { id: string; canManage: boolean }) {
  const { t, lang } = useI18n()
  const queries = useQueryClient()
  const codeId = useId()
  const period = useQuery({
    queryKey: ['survey', id],
    queryFn: () => ok(client.GET('/api/surveys/{id}', { params: { path: { id } } })),
  })
  const results = useQuery({
    queryKey: ['survey-results', id],
    queryFn: () => ok(client.GET('/api/surveys/{id}/results', { params: { path: { id } } })),
  })
  const [code, setCode] = useState('')
  const [answers, setAnswers] = useState<Record<string, number>>({})
  const [message, setMessage] = useState('')
  const [failed, setFailed] = useState(false)
  const reload = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['survey', id] }),
      queries.invalidateQueries({ queryKey: ['survey-results', id] }),
    ])
  const act = async (work: () => Promise<unknown>, done: string) => {
    setFailed(false)
    try {
      await work()
      setMessage(done)
      await reload()
    } catch (error) {
      setFailed(true)
      setMessage(errorText(error, lang, t('common.networkError')))
    }
  }
  const enter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void act(
      () =>
        ok(
          client.POST('/api/surveys/{id}/paper-answers', {
            params: { path: { id } },
            body: { dossierCode: code, answers },
          }),
        ).then(() => setAnswers({})),
      t('survey.paper.recorded', { code }),
    )
  }
  const p = period.data
  if (!p)
    return (
      <Announcement failed={period.isError}>
        {period.isError ? errorText(period.error, lang, t('common.networkError')) : t('common.loading')}
      </Announcement>
    )
  const waiting = p.sample.filter((s) => s.answeredAt === null)
  const elements = p.questionnaire.elements
  return (
    <>
      <h1>{p.name}</h1>
      <p>{t('survey.period.summary', { from: p.from, to: p.to, N: p.population, n: p.sampleSize, seed: p.seed })}</p>
      <Announcement failed={failed} className="result">
        {message}
      </Announcement>
      <div className="table-wrap">
        <table>
          <caption>{t('survey.results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('survey.results.agency')}</th>
              <th scope="col">{t('survey.results.answered')}</th>
              {elements.map((e) => (
                <th scope="col" key={e.id}>
                  {e[lang]}
                </th>
              ))}
              <th scope="col">{t('survey.results.overall')}</th>
              <th scope="col">{t('survey.results.ratings')}</th>
            </tr>
          </thead>
          <tbody>
            {results.data?.items.map((r) => (
              <tr key={r.agencyId}>
                <th scope="row">{r.agencyId}</th>
                <td>
                  {r.answered} / {r.sampled}
                </td>
                {elements.map((e) => (
                  <td key={e.id}>{percent(r.survey.elements[e.id]?.value)}</td>
                ))}
                <td>
                  {percent(r.survey.overall.value)}
                  {r.survey.overall.low !== null && (
                    <>
                      {' '}
                      (
                      {t('survey.results.interval', {
                        low: percent(r.survey.overall.low),
                        high: percent(r.survey.overall.high),
                      })}
                      )
                    </>
                  )}
                </td>
                <td>
                  {percent(r.ratings.share)} ({r.ratings.satisfied}/{r.ratings.rated})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage && p.status === 'open' && (
        <>
          <form className="stack" onSubmit={enter} aria-labelledby={`${codeId}-h`}>
            <h2 id={`${codeId}-h`}>{t('survey.paper.title')}</h2>
            <label htmlFor={codeId}>{t('survey.paper.dossier')}</label>
            <select id={codeId} value={code} onChange={(e) => setCode(e.target.value)} required>
              <option value="">{t('survey.paper.choose')}</option>
              {waiting.map((s) => (
                <option key={s.dossierCode} value={s.dossierCode}>
                  {s.dossierCode} ({s.agencyId})
                </option>
              ))}
            </select>
            <QuestionnaireFields
              questionnaire={p.questionnaire}
              answers={answers}
              onChange={(qid, level) => setAnswers((a) => ({ ...a, [qid]: level }))}
            />
            <button type="submit">{t('survey.paper.submit')}</button>
          </form>
          <button
            type="button"
            onClick={() =>
              act(() => ok(client.POST('/api/surveys/{id}/closure', { params: { path: { id } } })), t('survey.closed'))
            }
          >
            {t('survey.close')}
          </button>
        </>
      )}
    </>
  )
}
