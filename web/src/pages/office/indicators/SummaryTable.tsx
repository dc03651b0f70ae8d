import type { ReactNode } from 'react'
import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import { ScrollingTable } from '../../../indicators/ScrollingTable.tsx'
import type { DossierSet, Summary } from '../../../indicators/views.ts'
import { Link } from '../../../router.tsx'

type Row = Summary & { key: string; name: ReactNode; dossiers?: (set: DossierSet) => string }

/** A count that opens the list of its dossiers, when there is a list and something in it. */
function CountCell({ n, href }: { n: number; href: string | undefined }) {
  const f = useFormats()
  return <td>{href && n > 0 ? <Link to={href}>{f.count(n)}</Link> : f.count(n)}</td>
}

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
              <CountCell n={row.figures.received} href={row.dossiers?.('received')} />
              <CountCell n={row.figures.resolved} href={row.dossiers?.('resolved')} />
              <CountCell n={row.figures.resolvedLate} href={row.dossiers?.('late')} />
              <CountCell n={row.figures.inProgress} href={row.dossiers?.('in_progress')} />
              <CountCell n={row.figures.inProgressOverdue} href={row.dossiers?.('overdue')} />
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
