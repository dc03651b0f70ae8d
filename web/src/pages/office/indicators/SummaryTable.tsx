import type { ReactNode } from 'react'
import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import { ScrollingTable } from '../../../indicators/ScrollingTable.tsx'
import type { Summary } from '../../../indicators/views.ts'

type Row = Summary & { key: string; name: ReactNode }

/** One row per field or procedure: the II.06a essentials, the two rates and the service index. */
export function SummaryTable({ caption, nameHeader, rows }: { caption: string; nameHeader: string; rows: Row[] }) {
  const { t } = useI18n()
  const f = useFormats()
  return (
    <ScrollingTable label={caption}>
      <table className="numbers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col">{t('ind.col.received')}</th>
            <th scope="col">{t('ind.col.resolved')}</th>
            <th scope="col">{t('ind.col.resolvedLate')}</th>
            <th scope="col">{t('ind.col.inProgress')}</th>
            <th scope="col">{t('ind.col.overdue')}</th>
            <th scope="col">{t('ind.col.onTimeRate')}</th>
            <th scope="col">{t('ind.col.onlineRate')}</th>
            <th scope="col">{t('ind.col.index766')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td>{f.count(row.figures.received)}</td>
              <td>{f.count(row.figures.resolved)}</td>
              <td>{f.count(row.figures.resolvedLate)}</td>
              <td>{f.count(row.figures.inProgress)}</td>
              <td>{f.count(row.figures.inProgressOverdue)}</td>
              <td>{f.ratio(row.onTimeRate)}</td>
              <td>{f.ratio(row.onlineRate)}</td>
              <td>{f.points(row.index766.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  )
}
