import { type FormEvent, useEffect, useId, useState } from 'react'
import { useI18n } from '../i18n/messages.ts'
import { useFormats } from './format.ts'
import { currentReportYear, type Period, type PresetId, presetOf, presetWindow } from './period.ts'

type Props = { period: Period; onChange: (next: Period) => void; presets: readonly PresetId[] }

/** Kỳ báo cáo: the standard windows of this report year, or any from/to. */
export function PeriodPicker({ period, onChange, presets }: Props) {
  const { t, tx } = useI18n()
  const f = useFormats()
  const choiceId = useId()
  const fromId = useId()
  const toId = useId()
  const year = currentReportYear()
  const current = presetOf(period, year, presets)
  const [choice, setChoice] = useState<PresetId>(current)
  const [draft, setDraft] = useState<Period>(period)
  const { from, to } = period
  useEffect(() => {
    setChoice(current)
    setDraft({ from, to })
  }, [current, from, to])

  const choose = (next: PresetId) => {
    setChoice(next)
    if (next !== 'custom') onChange(presetWindow(next, year))
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (draft.from && draft.to && draft.from <= draft.to) onChange(draft)
  }
  return (
    <form className="period" onSubmit={submit} aria-label={t('ind.period.form')}>
      <div className="form-field">
        <label htmlFor={choiceId}>{t('ind.period.label')}</label>
        <select id={choiceId} value={choice} onChange={(e) => choose(e.target.value as PresetId)}>
          {presets.map((id) => (
            <option key={id} value={id}>
              {id === 'custom'
                ? t('ind.period.custom')
                : tx(`ind.period.${id}`, {
                    year,
                    from: f.day(presetWindow(id, year).from),
                    to: f.day(presetWindow(id, year).to),
                  })}
            </option>
          ))}
        </select>
      </div>
      {choice === 'custom' && (
        <>
          <div className="form-field">
            <label htmlFor={fromId}>{t('ind.period.from')}</label>
            <input
              id={fromId}
              type="date"
              required
              value={draft.from}
              max={draft.to || undefined}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          </div>
          <div className="form-field">
            <label htmlFor={toId}>{t('ind.period.to')}</label>
            <input
              id={toId}
              type="date"
              required
              value={draft.to}
              min={draft.from || undefined}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          </div>
          <button type="submit" className="primary">
            {t('ind.period.apply')}
          </button>
        </>
      )}
    </form>
  )
}
