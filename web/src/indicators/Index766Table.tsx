import { useI18n } from '../i18n/messages.ts'
import { useFormats } from './format.ts'
import { ScrollingTable } from './ScrollingTable.tsx'
import type { Index766 } from './views.ts'

type Score = Index766['indicators'][string]

/** Each indicator of the national formula: its ratio, or "n/a" with what is missing, and its points. */
export function Index766Table({ index }: { index: Index766 }) {
  const { t, tx } = useI18n()
  const f = useFormats()
  const value = (s: Score) => {
    if (s.ratio !== null) return f.ratio(s.ratio)
    const why = s.notApplicable
    if (s.sharedTo !== undefined) return `${t('ind.766.na')} (${t('ind.766.shared', { ids: s.sharedTo.join(', ') })})`
    if (why === null || why.reason === 'zero_denominator') return `${t('ind.766.na')} (${t('ind.766.zero')})`
    return `${t('ind.766.na')} (${t('ind.766.missing', { data: why.missing.join('; ') })})`
  }
  return (
    <ScrollingTable label={t('ind.766.caption')}>
      <table className="numbers">
        <caption>{t('ind.766.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ind.766.col.id')}</th>
            <th scope="col">{t('ind.766.col.name')}</th>
            <th scope="col">{t('ind.766.col.ratio')}</th>
            <th scope="col">{t('ind.766.col.points')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(index.indicators).map(([id, s]) => (
            <tr key={id} data-indicator={id}>
              <th scope="row">{id}</th>
              <td>{tx(`ind.766.name.${id}`)}</td>
              <td>{value(s)}</td>
              <td>{t('ind.pointsOf', { points: f.points(s.points), max: f.points(s.max) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  )
}
