import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { ScrollingTable } from '../../indicators/ScrollingTable.tsx'
import { usePageHead } from '../../page-head.ts'
import { Link } from '../../router.tsx'
import { formatPoints, textIn, useRound } from './par-index-api.ts'

const ParRankingChart = lazy(() => import('./ParRankingChart.tsx'))

const signed = (n: number, lang: 'vi' | 'en') => (n > 0 ? `+${formatPoints(n, lang)}` : formatPoints(n, lang))

/**
 * Xếp hạng Chỉ số CCHC of a round: the units' totals as a bar chart and a table with the points per
 * area, the tie rule stated, and each unit beside last year's published round (rank and points).
 */
export function ParRankingPage({ id }: { id: string }) {
  const { t, tx, lang } = useI18n()
  const round = useRound(id)
  const ranking = useQuery({
    queryKey: ['par-ranking', id],
    retry: false,
    queryFn: () => ok(client.GET('/api/par-index/rounds/{id}/ranking', { params: { path: { id } } })),
  })
  const title = round.data
    ? t('par.ranking.title', { year: round.data.year, kind: tx(`par.kind.${round.data.unitKind}`) })
    : t('par.title')
  usePageHead(title, title)
  const failure = round.error ?? ranking.error
  if (failure)
    return (
      <>
        <h1>{title}</h1>
        <p role="alert" className="error">
          {errorText(failure, lang, t('common.networkError'))}
        </p>
      </>
    )
  if (!round.data || !ranking.data) return <p role="status">{t('common.loading')}</p>
  const r = ranking.data
  const max = round.data.criteriaSet.maxPoints
  const summary = t('par.ranking.chartSummary', {
    list: r.ranking.map((u) => `${u.rank}. ${u.name} ${formatPoints(u.total, lang)}`).join('; '),
  })
  const comparison = new Map(r.comparison.map((c) => [c.unitId, c]))
  return (
    <>
      <h1>{title}</h1>
      <p>
        <Link to={`/can-bo/chi-so-cchc/${id}`}>
          {t('par.round.title', { year: round.data.year, kind: tx(`par.kind.${round.data.unitKind}`) })}
        </Link>
      </p>
      <p role="status">{tx(`par.ranking.status.${r.status}`)}</p>
      <p>{t('par.ranking.tieRule')}</p>
      {r.ranking.length > 0 && (
        <div className="chart" role="img" aria-label={summary}>
          <Suspense fallback={<p>{t('common.loading')}</p>}>
            <ParRankingChart rows={r.ranking.map((u) => ({ name: u.name, total: u.total }))} max={max} />
          </Suspense>
        </div>
      )}
      <p>
        {r.lastYear === null ? t('par.ranking.noLastYear') : t('par.ranking.lastYear', { year: round.data.year - 1 })}
      </p>
      <p id="par-areas">{t('par.ranking.areas')}</p>
      <ul className="plain" aria-labelledby="par-areas">
        {r.areas.map((a) => (
          <li key={a.code}>
            {t('par.ranking.area', { code: a.code })}: {textIn(a.name, lang)}
          </li>
        ))}
      </ul>
      <ScrollingTable label={t('par.ranking.caption')}>
        <table className="numbers">
          <caption>{t('par.ranking.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('par.ranking.rank')}</th>
              <th scope="col">{t('par.progress.unit')}</th>
              <th scope="col">{t('par.ranking.total')}</th>
              {r.areas.map((a) => (
                <th scope="col" key={a.code}>
                  {t('par.ranking.area', { code: a.code })}
                </th>
              ))}
              <th scope="col">{t('par.ranking.lastRank')}</th>
              <th scope="col">{t('par.ranking.rankChange')}</th>
              <th scope="col">{t('par.ranking.lastTotal')}</th>
              <th scope="col">{t('par.ranking.change')}</th>
            </tr>
          </thead>
          <tbody>
            {r.ranking.map((u) => {
              const c = comparison.get(u.unitId)
              const none = t('par.ranking.notRanked')
              return (
                <tr key={u.unitId}>
                  <td>{u.rank}</td>
                  <th scope="row">{u.name}</th>
                  <td>
                    <strong>{formatPoints(u.total, lang)}</strong>
                  </td>
                  {r.areas.map((a) => (
                    <td key={a.code}>{formatPoints(u.areas.find((x) => x.code === a.code)?.points ?? 0, lang)}</td>
                  ))}
                  <td>{c?.lastRank ?? none}</td>
                  <td>{c?.rankChange == null ? none : signed(c.rankChange, lang)}</td>
                  <td>{c?.lastTotal == null ? none : formatPoints(c.lastTotal, lang)}</td>
                  <td>{c?.change == null ? none : signed(c.change, lang)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  )
}
