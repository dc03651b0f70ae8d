import { useI18n } from '../i18n/messages.ts'
import { useFormats } from '../indicators/format.ts'
import { useLoad } from '../indicators/load.ts'
import { OverviewSections } from '../indicators/OverviewSections.tsx'
import { PeriodPicker } from '../indicators/PeriodPicker.tsx'
import { type PresetId, periodQuery, usePeriod } from '../indicators/period.ts'
import { ScrollingTable } from '../indicators/ScrollingTable.tsx'
import type { Statistics } from '../indicators/views.ts'
import { usePageHead } from '../page-head.ts'
import { LoadStatus } from './office/indicators/LoadStatus.tsx'

const presets: readonly PresetId[] = ['year', 'q1', 'q2', 'q3', 'q4', 'custom']

function ByField({ rows }: { rows: Statistics['byField'] }) {
  const { t } = useI18n()
  const f = useFormats()
  if (rows.length === 0) return <p>{t('stats.empty')}</p>
  return (
    <ScrollingTable label={t('stats.byFieldCaption')}>
      <table className="numbers">
        <caption>{t('stats.byFieldCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ind.col.field')}</th>
            <th scope="col">{t('ind.col.received')}</th>
            <th scope="col">{t('ind.col.resolved')}</th>
            <th scope="col">{t('ind.col.resolvedLate')}</th>
            <th scope="col">{t('ind.col.inProgress')}</th>
            <th scope="col">{t('ind.col.overdue')}</th>
            <th scope="col">{t('ind.col.onTimeRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">{row.fieldName || t('ind.unknownField')}</th>
              <td>{f.count(row.figures.received)}</td>
              <td>{f.count(row.figures.resolved)}</td>
              <td>{f.count(row.figures.resolvedLate)}</td>
              <td>{f.count(row.figures.inProgress)}</td>
              <td>{f.count(row.figures.inProgressOverdue)}</td>
              <td>{f.ratio(row.onTimeRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  )
}

/** Thống kê công khai: the province's figures, service index and targets; counts only, nobody's data. */
export function StatisticsPage() {
  const { t } = useI18n()
  usePageHead(t('stats.title'), t('head.statistics'))
  const [period, setPeriod] = usePeriod()
  const load = useLoad<Statistics>(`/api/statistics?${periodQuery(period)}`)
  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p>{t('stats.intro')}</p>
      <PeriodPicker period={period} onChange={setPeriod} presets={presets} />
      <LoadStatus load={load} />
      {load.state === 'done' && (
        <>
          <OverviewSections overview={load.data} />
          <h2>{t('stats.byField')}</h2>
          <ByField rows={load.data.byField} />
        </>
      )}
    </>
  )
}
