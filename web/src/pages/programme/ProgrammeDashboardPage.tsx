import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { Link } from '../../router.tsx'
import { formatFigure, useProgramme } from './programme-api.ts'

const verdict = (met: boolean | null) => (met === null ? 'none' : met ? 'met' : 'unmet')

/** Bảng theo dõi chương trình CCHC: each target of the year, met or not, its trend and its source. */
export function ProgrammeDashboardPage({ thisYear }: { thisYear: number }) {
  const { t, tx, lang } = useI18n()
  usePageHead(t('prog.title'), t('prog.title'))
  const [year, setYear] = useState(thisYear)
  const programme = useProgramme()
  const id = programme.data?.id
  const dashboard = useQuery({
    queryKey: ['programme-dashboard', id, year],
    enabled: id !== undefined,
    queryFn: () =>
      ok(client.GET('/api/programme/{id}/dashboard', { params: { path: { id: id ?? '' }, query: { year } } })),
  })
  const years = (programme.data?.phases ?? []).flatMap((p) =>
    Array.from({ length: p.toYear - p.fromYear + 1 }, (_, i) => p.fromYear + i),
  )
  const failure = programme.error ?? dashboard.error
  return (
    <>
      <h1>{t('prog.title')}</h1>
      {programme.data && <p>{lang === 'vi' ? programme.data.name : programme.data.nameEn}</p>}
      {failure && (
        <p role="alert" className="error">
          {errorText(failure, lang, t('common.networkError'))}
        </p>
      )}
      <label>
        {t('prog.year')}{' '}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <p>
        <Link to={`/can-bo/chuong-trinh-cchc/nhiem-vu?year=${year}`}>{t('prog.board.link')}</Link>
        {id && (
          <>
            {' · '}
            <a href={`/api/programme/${id}/reports/reform.xlsx?year=${year}`}>{t('prog.report.xlsx')}</a>
            {' · '}
            <a href={`/api/programme/${id}/reports/reform.pdf?year=${year}`}>{t('prog.report.pdf')}</a>
          </>
        )}
      </p>
      {dashboard.isPending && id !== undefined && <p role="status">{t('common.loading')}</p>}
      {dashboard.data && (
        <table>
          <caption>{t('prog.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prog.area')}</th>
              <th scope="col">{t('prog.target')}</th>
              <th scope="col">{t('prog.goal')}</th>
              <th scope="col">{t('prog.value')}</th>
              <th scope="col">{t('prog.verdict')}</th>
              <th scope="col">{t('prog.trend')}</th>
              <th scope="col">{t('prog.source')}</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.data.rows.map((r) => {
              const target = r.current.target
              const measure = target.source.kind === 'computed' ? target.source.measure : null
              const fmt = (v: number | null) => formatFigure(v, measure, lang)
              const s = r.current.source
              return (
                <tr key={r.key}>
                  <td>{tx(`prog.areaName.${r.area}`)}</td>
                  <th scope="row">
                    {lang === 'vi' ? r.title : r.titleEn}
                    {target.illustrative && <small> ({t('prog.illustrative')})</small>}
                  </th>
                  <td>{tx(`prog.comparator.${target.comparator}`, { value: fmt(target.value) })}</td>
                  <td>{fmt(r.current.value)}</td>
                  <td>
                    <span className={`badge badge-${verdict(r.current.met)}`}>
                      {tx(`ind.verdict.${verdict(r.current.met)}`)}
                    </span>
                  </td>
                  <td>
                    <ul className="trend-list">
                      {r.trend.map((p) => (
                        <li key={p.year}>
                          {p.year}: {fmt(p.value)} ({tx(`ind.verdict.${verdict(p.met)}`)})
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {s === null ? (
                      t('prog.source.none')
                    ) : s.kind === 'computed' ? (
                      t('prog.source.computed', { counters: s.counters, to: s.period.measuredTo })
                    ) : (
                      <a href={`/api/programme/evidence/${s.evidence.sha256}`}>
                        {t('prog.source.reported', { agency: s.agencyId, file: s.evidence.name })}
                      </a>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </>
  )
}
