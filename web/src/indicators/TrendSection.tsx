import { lazy, Suspense } from 'react'
import { useI18n } from '../i18n/messages.ts'
import { useFormats } from './format.ts'
import { ScrollingTable } from './ScrollingTable.tsx'
import type { TrendPoint } from './views.ts'
import { WhenVisible } from './WhenVisible.tsx'

const TrendChart = lazy(() => import('./TrendChart.tsx'))

/** Diễn biến theo tháng: the chart for the eye, the same numbers as a table for everyone. */
export function TrendSection({ trend }: { trend: TrendPoint[] }) {
  const { t } = useI18n()
  const f = useFormats()
  const first = trend[0]
  const last = trend[trend.length - 1]
  if (!first || !last) return <p>{t('ind.trend.empty')}</p>
  const summary = t('ind.trend.summary', {
    from: f.month(first.month),
    to: f.month(last.month),
    received: f.count(trend.reduce((sum, p) => sum + p.received, 0)),
    resolved: f.count(trend.reduce((sum, p) => sum + p.resolved, 0)),
  })
  return (
    <>
      <div className="chart" role="img" aria-label={summary}>
        <WhenVisible fallback={<p>{t('common.loading')}</p>}>
          <Suspense fallback={<p>{t('common.loading')}</p>}>
            <TrendChart trend={trend} />
          </Suspense>
        </WhenVisible>
      </div>
      <details>
        <summary>{t('ind.trend.table')}</summary>
        <ScrollingTable label={summary}>
          <table className="numbers">
            <caption>{summary}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ind.trend.month')}</th>
                <th scope="col">{t('ind.trend.received')}</th>
                <th scope="col">{t('ind.trend.receivedOnline')}</th>
                <th scope="col">{t('ind.trend.resolved')}</th>
                <th scope="col">{t('ind.trend.resolvedLate')}</th>
                <th scope="col">{t('ind.trend.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{f.month(p.month)}</th>
                  <td>{f.count(p.received)}</td>
                  <td>{f.count(p.receivedOnline)}</td>
                  <td>{f.count(p.resolved)}</td>
                  <td>{f.count(p.resolvedLate)}</td>
                  <td>{f.ratio(p.onTimeResolvedRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      </details>
    </>
  )
}
