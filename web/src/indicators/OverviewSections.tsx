import { useI18n } from '../i18n/messages.ts'
import { useFormats } from './format.ts'
import { Headline } from './Headline.tsx'
import { Index766Table } from './Index766Table.tsx'
import { ProgrammeTargets } from './ProgrammeTargets.tsx'
import { TrendSection } from './TrendSection.tsx'
import type { Overview } from './views.ts'

/** Headline, programme targets, monthly trend and the service index indicator by indicator: the top of the public and the office dashboards. */
export function OverviewSections({ overview }: { overview: Overview }) {
  const { t } = useI18n()
  const f = useFormats()
  const { window: w } = overview
  return (
    <>
      <p className="meta">
        {t('ind.window', { from: f.day(w.from), to: f.day(w.to), measuredTo: f.day(w.measuredTo) })}
      </p>
      <h2>{t('ind.headline')}</h2>
      <Headline summary={overview} />
      <h2>{t('ind.targets')}</h2>
      <ProgrammeTargets measures={overview.programme} />
      <h2>{t('ind.trend.title')}</h2>
      <TrendSection trend={overview.trend} />
      <h2>{t('ind.766.title')}</h2>
      <Index766Table index={overview.index766} />
    </>
  )
}
