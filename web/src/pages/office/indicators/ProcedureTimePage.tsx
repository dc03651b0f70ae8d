import { useRef } from 'react'
import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import { useLoad } from '../../../indicators/load.ts'
import { PeriodPicker } from '../../../indicators/PeriodPicker.tsx'
import { pastYearWindow, periodQuery, usePeriod } from '../../../indicators/period.ts'
import type { TimeReduction } from '../../../indicators/views.ts'
import { Link, useRouter } from '../../../router.tsx'
import { officePresets } from './IndicatorsPage.tsx'
import { LoadStatus } from './LoadStatus.tsx'
import { TimeHistogram } from './TimeHistogram.tsx'
import { useTimeFormats } from './timeFormats.ts'
import { WhatIf } from './WhatIf.tsx'

function Limits({ analysis }: { analysis: TimeReduction }) {
  const { t } = useI18n()
  const tf = useTimeFormats()
  return (
    <dl className="facts">
      <dt>{t('tr.col.configured')}</dt>
      <dd>{tf.limit(analysis.configuredLimit)}</dd>
      <dt>{t('tr.col.statutory')}</dt>
      <dd>{tf.statutory(analysis.statutoryLimit)}</dd>
      <dt>{t('tr.col.statutorySource')}</dt>
      <dd>{analysis.statutorySource ?? t('tr.reducedBy.none')}</dd>
      <dt>{t('tr.col.reducedBy')}</dt>
      <dd>
        {analysis.reducedBy
          ? t('tr.reducedBy', {
              number: analysis.reducedBy.decisionNumber,
              date: analysis.reducedBy.decisionDate.split('-').reverse().join('/'),
            })
          : analysis.reductionIllustrative
            ? t('tr.reducedBy.illustrative')
            : t('tr.reducedBy.none')}
      </dd>
    </dl>
  )
}

function Distribution({ analysis }: { analysis: TimeReduction }) {
  const { t } = useI18n()
  const f = useFormats()
  const tf = useTimeFormats()
  const tiles: [string, string][] = [
    [t('tr.col.done'), f.count(analysis.count)],
    [t('tr.col.mean'), tf.days(analysis.meanDays)],
    [t('tr.col.median'), tf.days(analysis.medianDays)],
    [t('tr.col.p90'), tf.days(analysis.p90Days)],
  ]
  return (
    <dl className="tiles">
      {tiles.map(([label, value]) => (
        <div key={label} className="tile">
          <dt>{label}</dt>
          <dd className="tile-value">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function LongestStep({ step }: { step: TimeReduction['longestStep'] }) {
  const { t } = useI18n()
  const f = useFormats()
  if (step === null) return <p>{t('tr.step.none')}</p>
  const hours = (minutes: number) => f.points(minutes / 60)
  return (
    <p>
      {t('tr.step.text', {
        name: step.name,
        hours: hours(step.meanMinutes),
        budget: hours(step.meanBudgetMinutes),
        dossiers: f.count(step.dossiers),
      })}{' '}
      {step.meanOverrun > 0 ? t('tr.step.over', { overrun: f.ratio(step.meanOverrun) }) : t('tr.step.within')}
    </p>
  )
}

/** Rút ngắn thời gian giải quyết of one procedure: limits, actual times, the slowest step and a what-if. */
export function ProcedureTimePage({ procedureCode }: { procedureCode: string }) {
  const { t } = useI18n()
  const f = useFormats()
  const { path, search, navigate } = useRouter()
  const [period, setPeriod] = usePeriod(pastYearWindow)
  const cutTo = Number.parseInt(search.get('cutTo') ?? '', 10) || null
  const load = useLoad<TimeReduction>(
    `/api/indicators/time-reduction?${periodQuery(period, {
      procedure: procedureCode,
      cutTo: cutTo === null ? undefined : String(cutTo),
    })}`,
  )
  const cut = (days: number) => navigate(`${path}?${periodQuery(period, { cutTo: String(days) })}`)
  const shown = useRef<TimeReduction | null>(null)
  if (load.state === 'done') shown.current = load.data
  if (load.state === 'error') shown.current = null
  const analysis = shown.current
  return (
    <>
      <p>
        <Link to={`/can-bo/rut-ngan-thoi-gian?${periodQuery(period)}`}>{t('tr.back')}</Link>
      </p>
      <h1>{analysis ? `${analysis.name} (${procedureCode})` : procedureCode}</h1>
      <PeriodPicker period={period} onChange={setPeriod} presets={officePresets} />
      <p className="meta">{t('tr.window', { from: f.day(period.from), to: f.day(period.to) })}</p>
      <LoadStatus load={load} />
      {analysis && (
        <>
          <h2>{t('tr.limits')}</h2>
          <Limits analysis={analysis} />
          <h2>{t('tr.distribution')}</h2>
          <Distribution analysis={analysis} />
          <TimeHistogram analysis={analysis} />
          <h2>{t('tr.step.title')}</h2>
          <LongestStep step={analysis.longestStep} />
          <h2>{t('tr.whatIf.title')}</h2>
          <WhatIf whatIf={analysis.whatIf} cutTo={cutTo} onCut={cut} />
        </>
      )}
    </>
  )
}
