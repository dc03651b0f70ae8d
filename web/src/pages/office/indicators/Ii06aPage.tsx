import { useId } from 'react'
import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import { useLoad } from '../../../indicators/load.ts'
import { PeriodPicker } from '../../../indicators/PeriodPicker.tsx'
import { periodQuery, usePeriod } from '../../../indicators/period.ts'
import { ScrollingTable } from '../../../indicators/ScrollingTable.tsx'
import type { Figures, Ii06aReport, Level } from '../../../indicators/views.ts'
import { useRouter } from '../../../router.tsx'
import { useAgencies } from './agencies.ts'
import { officePresets } from './IndicatorsPage.tsx'
import { LoadStatus } from './LoadStatus.tsx'

/** The form's figure columns, in its order; "tổng" received counts what came over from the period before. */
const columns: ((x: Figures) => number)[] = [
  (x) => x.received + x.carriedOver,
  (x) => x.receivedOnline,
  (x) => x.receivedInPersonOrPost,
  (x) => x.carriedOver,
  (x) => x.resolved,
  (x) => x.resolvedEarly,
  (x) => x.resolvedOnTime,
  (x) => x.resolvedLate,
  (x) => x.inProgress,
  (x) => x.inProgressWithinDeadline,
  (x) => x.inProgressOverdue,
]

function FigureCells({ figures }: { figures: Figures }) {
  const f = useFormats()
  return (
    <>
      {columns.map((pick, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
        <td key={i}>{f.count(pick(figures))}</td>
      ))}
    </>
  )
}

function Ii06aTable({ report, caption }: { report: Ii06aReport; caption: string }) {
  const { t, tx } = useI18n()
  const levels = report.levelTotals.map((l) => l.level)
  const rowsOf = (level: Level) => report.rows.filter((r) => r.level === level)
  return (
    <>
      <ScrollingTable label={caption}>
        <table className="numbers ii06a">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('ii06a.col.field')}
              </th>
              <th scope="colgroup" colSpan={4}>
                {t('ii06a.col.received')}
              </th>
              <th scope="colgroup" colSpan={4}>
                {t('ii06a.col.resolved')}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t('ii06a.col.inProgress')}
              </th>
            </tr>
            <tr>
              <th scope="col">{t('ii06a.col.total')}</th>
              <th scope="col">{t('ii06a.col.online')}</th>
              <th scope="col">{t('ii06a.col.inPerson')}</th>
              <th scope="col">{t('ii06a.col.carriedOver')}</th>
              <th scope="col">{t('ii06a.col.total')}</th>
              <th scope="col">{t('ii06a.col.early')}</th>
              <th scope="col">{t('ii06a.col.onTime')}</th>
              <th scope="col">{t('ii06a.col.late')}</th>
              <th scope="col">{t('ii06a.col.total')}</th>
              <th scope="col">{t('ii06a.col.withinDeadline')}</th>
              <th scope="col">{t('ii06a.col.overdue')}</th>
            </tr>
          </thead>
          {report.levelTotals.map(({ level, figures }) => (
            <tbody key={level}>
              <tr className="level">
                <th scope="rowgroup" colSpan={12}>
                  {tx(`ind.level.${level}`)}
                </th>
              </tr>
              {rowsOf(level).map((r) => (
                <tr key={r.fieldId}>
                  <th scope="row">{r.fieldName || t('ind.unknownField')}</th>
                  <FigureCells figures={r.figures} />
                </tr>
              ))}
              <tr className="subtotal">
                <th scope="row">{tx(`ii06a.levelTotal.${level}`)}</th>
                <FigureCells figures={figures} />
              </tr>
            </tbody>
          ))}
          <tfoot>
            <tr className="total">
              <th scope="row">{t('ii06a.total')}</th>
              <FigureCells figures={report.total} />
            </tr>
          </tfoot>
        </table>
      </ScrollingTable>
      {levels.length === 0 && <p>{t('stats.empty')}</p>}
    </>
  )
}

/** Báo cáo mẫu II.06a (Circular 01/2020/TT-VPCP): on screen, and as Excel or PDF to file. */
export function Ii06aPage() {
  const { t } = useI18n()
  const f = useFormats()
  const agencyFieldId = useId()
  const { path, search, navigate } = useRouter()
  const [period, setPeriod] = usePeriod()
  const agencies = useAgencies()
  const agencyId = search.get('agency') ?? undefined
  const query = periodQuery(period, { agency: agencyId })
  const report = useLoad<Ii06aReport>(`/api/reports/ii06a?${query}`)
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? agencyId
  const chooseAgency = (id: string) => navigate(`${path}?${periodQuery(period, { agency: id })}`)
  const caption = t('ii06a.caption', {
    scope: agencyName ?? t('ii06a.province'),
    from: f.day(period.from),
    to: f.day(period.to),
  })
  return (
    <>
      <h1>{t('ii06a.title')}</h1>
      <p>{t('ii06a.intro')}</p>
      <PeriodPicker period={period} onChange={setPeriod} presets={officePresets} />
      <div className="form-field narrow">
        <label htmlFor={agencyFieldId}>{t('ii06a.agency')}</label>
        <select id={agencyFieldId} value={agencyId ?? ''} onChange={(e) => chooseAgency(e.target.value)}>
          <option value="">{t('ii06a.province')}</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {`${'\u00a0\u00a0'.repeat(a.depth)}${a.name}`}
            </option>
          ))}
        </select>
      </div>
      <p className="downloads">
        <a className="button secondary" href={`/api/reports/ii06a.xlsx?${query}`} download>
          {t('ii06a.downloadXlsx')}
        </a>{' '}
        <a className="button secondary" href={`/api/reports/ii06a.pdf?${query}`} download>
          {t('ii06a.downloadPdf')}
        </a>
      </p>
      <LoadStatus load={report} />
      {report.state === 'done' && <Ii06aTable report={report.data} caption={caption} />}
    </>
  )
}
