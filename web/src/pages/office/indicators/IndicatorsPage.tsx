import { useI18n } from '../../../i18n/messages.ts'
import { DocumentSection } from '../../../indicators/DocumentSection.tsx'
import { useLoad } from '../../../indicators/load.ts'
import { OverviewSections } from '../../../indicators/OverviewSections.tsx'
import { PeriodPicker } from '../../../indicators/PeriodPicker.tsx'
import { type PresetId, periodQuery, usePeriod } from '../../../indicators/period.ts'
import type { DocumentIndicators, Overview, Ranking } from '../../../indicators/views.ts'
import { LoadStatus } from './LoadStatus.tsx'
import { RankingSection } from './RankingSection.tsx'

export const officePresets: readonly PresetId[] = ['year', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'custom']

/** Chỉ số cải cách: the province's figures and every agency ranked by the Decision 766 index. */
export function IndicatorsPage() {
  const { t } = useI18n()
  const [period, setPeriod] = usePeriod()
  const query = periodQuery(period)
  const overview = useLoad<Overview>(`/api/indicators/overview?${query}`)
  const ranking = useLoad<Ranking>(`/api/indicators/ranking?${query}`)
  const documents = useLoad<DocumentIndicators>(`/api/indicators/documents?${query}`)
  return (
    <>
      <h1>{t('ind.office.title')}</h1>
      <PeriodPicker period={period} onChange={setPeriod} presets={officePresets} />
      <LoadStatus load={overview} />
      {overview.state === 'done' && <OverviewSections overview={overview.data} />}
      <h2>{t('ranking.title')}</h2>
      <LoadStatus load={ranking} />
      {ranking.state === 'done' && <RankingSection ranking={ranking.data} period={period} />}
      <LoadStatus load={documents} />
      {documents.state === 'done' && <DocumentSection report={documents.data} />}
    </>
  )
}
