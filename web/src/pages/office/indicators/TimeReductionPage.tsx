import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import { useLoad } from '../../../indicators/load.ts'
import { PeriodPicker } from '../../../indicators/PeriodPicker.tsx'
import { pastYearWindow, periodQuery, usePeriod } from '../../../indicators/period.ts'
import { ScrollingTable } from '../../../indicators/ScrollingTable.tsx'
import type { CutCandidates } from '../../../indicators/views.ts'
import { Link } from '../../../router.tsx'
import { officePresets } from './IndicatorsPage.tsx'
import { LoadStatus } from './LoadStatus.tsx'
import { useTimeFormats } from './timeFormats.ts'

function CandidatesTable({ rows, query }: { rows: CutCandidates['rows']; query: string }) {
  const { t } = useI18n()
  const f = useFormats()
  const tf = useTimeFormats()
  return (
    <ScrollingTable label={t('tr.caption')}>
      <table className="numbers">
        <caption>{t('tr.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ind.col.procedure')}</th>
            <th scope="col">{t('tr.col.done')}</th>
            <th scope="col">{t('tr.col.configured')}</th>
            <th scope="col">{t('tr.col.statutory')}</th>
            <th scope="col">{t('tr.col.median')}</th>
            <th scope="col">{t('tr.col.p90')}</th>
            <th scope="col">{t('tr.col.within')}</th>
            <th scope="col">{t('tr.col.suggested')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.procedure}>
              <th scope="row">
                <Link to={`/can-bo/rut-ngan-thoi-gian/${encodeURIComponent(r.procedure)}?${query}`}>
                  {`${r.name} (${r.procedure})`}
                </Link>
              </th>
              <td>{f.count(r.count)}</td>
              <td className="text">{tf.limit(r.configuredLimit)}</td>
              <td className="text">
                {tf.statutory(r.statutoryLimit)}
                {r.reductionIllustrative ? ` (${t('tr.illustrativeMark')})` : ''}
              </td>
              <td>{tf.days(r.medianDays)}</td>
              <td>{tf.days(r.p90Days)}</td>
              <td>{tf.share(r.shareWithinConfigured)}</td>
              <td>{r.suggestedLimitDays === null ? '—' : tf.days(r.suggestedLimitDays)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  )
}

/** Rút ngắn thời gian giải quyết: the busiest procedures, their actual times against their limits. */
export function TimeReductionPage() {
  const { t } = useI18n()
  const [period, setPeriod] = usePeriod(pastYearWindow)
  const query = periodQuery(period)
  const candidates = useLoad<CutCandidates>(`/api/indicators/time-reduction/candidates?${query}`)
  return (
    <>
      <h1>{t('tr.title')}</h1>
      <p>{t('tr.intro')}</p>
      <PeriodPicker period={period} onChange={setPeriod} presets={officePresets} />
      <LoadStatus load={candidates} />
      {candidates.state === 'done' &&
        (candidates.data.rows.length === 0 ? (
          <p>{t('tr.empty')}</p>
        ) : (
          <CandidatesTable rows={candidates.data.rows} query={query} />
        ))}
    </>
  )
}
