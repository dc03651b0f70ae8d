import { lazy, Suspense } from 'react'
import { useI18n } from '../i18n/messages.ts'
import { useFormats } from './format.ts'
import { ScrollingTable } from './ScrollingTable.tsx'
import type { DocumentIndicators } from './views.ts'
import { WhenVisible } from './WhenVisible.tsx'

const DocumentChart = lazy(() => import('./DocumentChart.tsx'))

type Row = DocumentIndicators['total']

/** Chỉ số văn bản: documents sent (electronically or not), received, on time and overdue, per agency. */
export function DocumentSection({ report }: { report: DocumentIndicators }) {
  const { t } = useI18n()
  const f = useFormats()
  const summary = t('ind.docs.summary', {
    sent: f.count(report.total.sent),
    share: f.ratio(report.total.electronicShare),
    received: f.count(report.total.received),
    overdue: f.count(report.total.overdue),
  })
  const cells = (r: Row) => (
    <>
      <td>{f.count(r.sent)}</td>
      <td>{f.count(r.sentElectronically)}</td>
      <td>{f.ratio(r.electronicShare)}</td>
      <td>{f.count(r.received)}</td>
      <td>{f.count(r.finishedOnTime)}</td>
      <td>{f.count(r.finishedLate)}</td>
      <td>{f.ratio(r.onTimeShare)}</td>
      <td>{f.count(r.overdueOpen)}</td>
    </>
  )
  return (
    <>
      <h2>{t('ind.docs.title')}</h2>
      <p>{summary}</p>
      {report.agencies.length > 0 && (
        <div className="chart" role="img" aria-label={summary}>
          <WhenVisible fallback={<p>{t('common.loading')}</p>}>
            <Suspense fallback={<p>{t('common.loading')}</p>}>
              <DocumentChart agencies={report.agencies} />
            </Suspense>
          </WhenVisible>
        </div>
      )}
      <ScrollingTable label={t('ind.docs.title')}>
        <table className="numbers">
          <caption>{t('ind.docs.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ind.docs.agency')}</th>
              <th scope="col">{t('ind.docs.sent')}</th>
              <th scope="col">{t('ind.docs.sentElectronically')}</th>
              <th scope="col">{t('ind.docs.electronicShare')}</th>
              <th scope="col">{t('ind.docs.received')}</th>
              <th scope="col">{t('ind.docs.onTime')}</th>
              <th scope="col">{t('ind.docs.late')}</th>
              <th scope="col">{t('ind.docs.onTimeShare')}</th>
              <th scope="col">{t('ind.docs.overdueOpen')}</th>
            </tr>
          </thead>
          <tbody>
            {report.agencies.map((a) => (
              <tr key={a.agencyId}>
                <th scope="row">{a.agencyName}</th>
                {cells(a)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('ind.docs.total')}</th>
              {cells(report.total)}
            </tr>
          </tfoot>
        </table>
      </ScrollingTable>
    </>
  )
}
