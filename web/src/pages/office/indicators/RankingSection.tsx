import { lazy, Suspense } from 'react'
import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import { type Period, periodQuery } from '../../../indicators/period.ts'
import { ScrollingTable } from '../../../indicators/ScrollingTable.tsx'
import { indicatorGroups, type Ranking } from '../../../indicators/views.ts'
import { Link } from '../../../router.tsx'

const RankingChart = lazy(() => import('./RankingChart.tsx'))
const chartSize = 15

/** Xếp hạng: agencies by the Decision 766 index, the top ones charted, all of them in the table. */
export function RankingSection({ ranking, period }: { ranking: Ranking; period: Period }) {
  const { t, tx } = useI18n()
  const f = useFormats()
  if (ranking.rows.length === 0) return <p>{t('ranking.empty')}</p>
  const top = ranking.rows.slice(0, chartSize)
  const summary = t('ranking.chartSummary', {
    count: top.length,
    list: top.map((r) => `${r.rank}. ${r.agencyName} ${f.points(r.index766.total)}`).join('; '),
  })
  return (
    <>
      <div className="chart" role="img" aria-label={summary}>
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <RankingChart rows={top} />
        </Suspense>
      </div>
      <ScrollingTable label={t('ranking.caption')}>
        <table className="numbers">
          <caption>{t('ranking.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ranking.col.rank')}</th>
              <th scope="col">{t('ranking.col.agency')}</th>
              <th scope="col">{t('ranking.col.level')}</th>
              <th scope="col">{t('ind.col.index766')}</th>
              {indicatorGroups.map((g) => (
                <th scope="col" key={g}>
                  {tx(`ind.group.${g}`)}
                </th>
              ))}
              <th scope="col">{t('ind.col.onTimeRate')}</th>
              <th scope="col">{t('ind.col.onlineRate')}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.rows.map((r) => (
              <tr key={r.agencyId}>
                <td>{r.rank}</td>
                <th scope="row">
                  <Link to={`/can-bo/chi-so/co-quan/${encodeURIComponent(r.agencyId)}?${periodQuery(period)}`}>
                    {r.agencyName}
                  </Link>
                </th>
                <td className="text">{tx(`ind.level.${r.level}`)}</td>
                <td>
                  <strong>{f.points(r.index766.total)}</strong>
                </td>
                {indicatorGroups.map((g) => (
                  <td key={g}>
                    {t('ind.pointsOf', {
                      points: f.points(r.index766.groups[g].points),
                      max: f.points(r.index766.groups[g].max),
                    })}
                  </td>
                ))}
                <td>{f.ratio(r.onTimeRate)}</td>
                <td>{f.ratio(r.onlineRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  )
}
