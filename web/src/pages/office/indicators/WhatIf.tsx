import { type FormEvent, useEffect, useId, useState } from 'react'
import { useI18n } from '../../../i18n/messages.ts'
import { ScrollingTable } from '../../../indicators/ScrollingTable.tsx'
import type { TimeReduction } from '../../../indicators/views.ts'
import { useTimeFormats } from './timeFormats.ts'

type Props = { whatIf: TimeReduction['whatIf']; cutTo: number | null; onCut: (days: number) => void }

/** Nếu rút ngắn thời hạn: how many of the window's done dossiers a shorter limit would have let through. */
export function WhatIf({ whatIf, cutTo, onCut }: Props) {
  const { t } = useI18n()
  const tf = useTimeFormats()
  const inputId = useId()
  const unitId = useId()
  const [draft, setDraft] = useState(cutTo === null ? '' : String(cutTo))
  useEffect(() => setDraft(cutTo === null ? '' : String(cutTo)), [cutTo])
  const asked = cutTo === null ? undefined : whatIf.find((w) => w.limitDays === cutTo)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const days = Number.parseInt(draft, 10)
    if (days >= 1 && days <= 365) onCut(days)
  }
  return (
    <>
      <form className="what-if" onSubmit={submit} aria-label={t('tr.whatIf.form')}>
        <label htmlFor={inputId}>{t('tr.whatIf.label')}</label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          required
          value={draft}
          aria-describedby={unitId}
          onChange={(e) => setDraft(e.target.value)}
        />
        <span id={unitId}>{t('tr.whatIf.unit')}</span>
        <button type="submit" className="primary">
          {t('tr.whatIf.apply')}
        </button>
      </form>
      <p role="status" aria-live="polite" className="what-if-result">
        {asked && t('tr.whatIf.result', { days: asked.limitDays, share: tf.share(asked.share) })}
      </p>
      <ScrollingTable label={t('tr.whatIf.caption')}>
        <table className="numbers">
          <caption>{t('tr.whatIf.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tr.whatIf.limit')}</th>
              <th scope="col">{t('tr.whatIf.share')}</th>
            </tr>
          </thead>
          <tbody>
            {whatIf.map((w) => (
              <tr key={w.limitDays}>
                <th scope="row">{tf.days(w.limitDays)}</th>
                <td>{tf.share(w.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  )
}
