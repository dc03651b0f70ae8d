import { lazy, Suspense } from 'react'
import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import { ScrollingTable } from '../../../indicators/ScrollingTable.tsx'
import type { TimeReduction } from '../../../indicators/views.ts'

const TimeHistogramChart = lazy(() => import('./TimeHistogramChart.tsx'))

/** Phân bố thời gian giải quyết: the chart for the eye, the same numbers as a table for everyone. */
export function TimeHistogram({ analysis }: { analysis: TimeReduction }) {
  const { t } = useI18n()
  const f = useFormats()
  const bars = analysis.histogram
  if (bars.length === 0) return <p>{t('tr.hist.empty')}</p>
  const summary = t('tr.hist.summary', {
    count: f.count(analysis.count),
    list: bars
      .filter((b) => b.count > 0)
      .map((b) => t('tr.hist.bar', { day: b.day, count: f.count(b.count) }))
      .join('; '),
  })
  return (
    <>
      <div className="chart" role="img" aria-label={summary}>
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <TimeHistogramChart bars={bars} limitDays={analysis.configuredLimitDays} />
        </Suspense>
      </div>
      <details>
        <summary>{t('tr.hist.table')}</summary>
        <ScrollingTable label={t('tr.hist.caption')}>
          <table className="numbers">
            <caption>{t('tr.hist.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tr.hist.dayCol')}</th>
                <th scope="col">{t('tr.hist.count')}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.day}>
                  <th scope="row">{t('tr.hist.day', { day: b.day })}</th>
                  <td>{f.count(b.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      </details>
    </>
  )
}
