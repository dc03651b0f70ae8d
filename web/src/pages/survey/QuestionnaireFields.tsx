import type { Answer } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'

export type Questionnaire = Answer<'/api/surveys/links/{token}', 'get'>['questionnaire']

/** The SIPAS questionnaire as radio groups (one fieldset per element, one group per question), Vietnamese first. */
export function QuestionnaireFields({
  questionnaire,
  answers,
  onChange,
}: {
  questionnaire: Questionnaire
  answers: Record<string, number>
  onChange: (id: string, level: number) => void
}) {
  const { lang } = useI18n()
  const other = lang === 'vi' ? 'en' : 'vi'
  return (
    <>
      {questionnaire.elements.map((element) => (
        <fieldset key={element.id} className="stack">
          <legend>
            {element[lang]} <span lang={other}>/ {element[other]}</span>
          </legend>
          {element.questions.map((question) => (
            <fieldset key={question.id} className="survey-question">
              <legend>{question[lang]}</legend>
              {questionnaire.scale.map((s) => (
                <label key={s.level}>
                  <input
                    type="radio"
                    name={question.id}
                    value={s.level}
                    checked={answers[question.id] === s.level}
                    onChange={() => onChange(question.id, s.level)}
                    required
                  />{' '}
                  {s.level} — {s[lang]}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
      ))}
    </>
  )
}
