import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { QuestionnaireFields } from './QuestionnaireFields.tsx'

/** Phiếu khảo sát SIPAS from the link sent to a sampled applicant: answered once, without signing in. */
export function SurveyAnswerPage({ token }: { token: string }) {
  const { t, lang } = useI18n()
  usePageHead(t('survey.answer.title'), t('survey.answer.head'))
  const suggestionId = useId()
  const link = useQuery({
    queryKey: ['survey-link', token],
    queryFn: () => ok(client.GET('/api/surveys/links/{token}', { params: { path: { token } } })),
  })
  const [answers, setAnswers] = useState<Record<string, number>>({})
  const [suggestion, setSuggestion] = useState('')
  const [message, setMessage] = useState('')
  const [failed, setFailed] = useState(false)
  const [done, setDone] = useState(false)
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setFailed(false)
    try {
      await ok(
        client.POST('/api/surveys/links/{token}/answer', {
          params: { path: { token } },
          body: { answers, suggestion: suggestion.trim() === '' ? null : suggestion },
        }),
      )
      setDone(true)
      setMessage(t('survey.answer.thanks'))
    } catch (error) {
      setFailed(true)
      setMessage(errorText(error, lang, t('common.networkError')))
    }
  }
  return (
    <>
      <h1>{t('survey.answer.title')}</h1>
      {!link.data ? (
        <Announcement failed={link.isError}>
          {link.isError ? errorText(link.error, lang, t('common.networkError')) : t('common.loading')}
        </Announcement>
      ) : (
        <>
          <p>{t('survey.answer.intro', { period: link.data.periodName, code: link.data.dossierCode })}</p>
          <p>
            <small>{link.data.questionnaire.source}</small>
          </p>
          {!link.data.canAnswer || done ? (
            <Announcement failed={failed} className="result">
              {done ? message : t('survey.answer.closed')}
            </Announcement>
          ) : (
            <form className="stack" onSubmit={submit}>
              <QuestionnaireFields
                questionnaire={link.data.questionnaire}
                answers={answers}
                onChange={(id, level) => setAnswers((a) => ({ ...a, [id]: level }))}
              />
              <label htmlFor={suggestionId}>{t('survey.suggestion')}</label>
              <textarea id={suggestionId} value={suggestion} onChange={(e) => setSuggestion(e.target.value)} />
              <button type="submit">{t('survey.answer.send')}</button>
              <Announcement failed={failed} className="result">
                {message}
              </Announcement>
            </form>
          )}
        </>
      )}
    </>
  )
}
