import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { Link, useRouter } from '../../router.tsx'
import type { Grant } from '../../session.tsx'
import { vietnamInstant } from './par-index-api.ts'
import { OwnUnitLinks } from './UnitLinks.tsx'

/** Chỉ số CCHC: the years opened, each unit's way to its own form, and (for the province) opening a year. */
export function ParRoundsPage({ grants, thisYear }: { grants: readonly Grant[]; thisYear: number }) {
  const { t, tx, lang, formatInstant } = useI18n()
  usePageHead(t('par.title'), t('par.title'))
  const rounds = useQuery({
    queryKey: ['par-rounds'],
    queryFn: async () => (await ok(client.GET('/api/par-index/rounds'))).items,
  })
  const own = new Set(grants.map((g) => g.agencyId))
  const admin = grants.some((g) => g.role === 'provincial_admin')
  return (
    <>
      <h1>{t('par.title')}</h1>
      <p>{t('par.intro')}</p>
      {rounds.isError && (
        <p role="alert" className="error">
          {errorText(rounds.error, lang, t('common.networkError'))}
        </p>
      )}
      {rounds.data?.length === 0 && <p role="status">{t('par.rounds.empty')}</p>}
      {rounds.data && rounds.data.length > 0 && (
        <table>
          <caption>{t('par.rounds.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('par.round.name')}</th>
              <th scope="col">{t('par.round.status')}</th>
              <th scope="col">{t('par.round.selfDeadline')}</th>
              <th scope="col">{t('par.round.explanationDeadline')}</th>
              <th scope="col">{t('par.rounds.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.data.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/can-bo/chi-so-cchc/${r.id}`}>
                    {t('par.round.title', { year: r.year, kind: tx(`par.kind.${r.unitKind}`) })}
                  </Link>
                </th>
                <td>{tx(`par.status.${r.status}`)}</td>
                <td>{formatInstant(r.selfAssessmentDeadline)}</td>
                <td>{formatInstant(r.explanationDeadline)}</td>
                <td>
                  <OwnUnitLinks roundId={r.id} units={r.units} own={own}>
                    {r.status === 'published' && (
                      <li>
                        <Link to={`/can-bo/chi-so-cchc/${r.id}/xep-hang`}>{t('par.ranking.link')}</Link>
                      </li>
                    )}
                  </OwnUnitLinks>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && <OpenRoundForm thisYear={thisYear} />}
    </>
  )
}

/** Mở kỳ đánh giá: year, kind of unit (its criteria set), the council, the two deadlines. */
function OpenRoundForm({ thisYear }: { thisYear: number }) {
  const { t, lang } = useI18n()
  const { navigate } = useRouter()
  const queryClient = useQueryClient()
  const [year, setYear] = useState(thisYear)
  const [unitKind, setUnitKind] = useState<'department' | 'commune'>('department')
  const [council, setCouncil] = useState<string[]>([])
  const [filter, setFilter] = useState('')
  const [selfDeadline, setSelfDeadline] = useState('')
  const [explanationDeadline, setExplanationDeadline] = useState('')
  const candidates = useQuery({
    queryKey: ['par-council-candidates'],
    queryFn: async () => (await ok(client.GET('/api/par-index/council-candidates'))).items,
  })
  const open = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/par-index/rounds', {
          body: {
            year,
            unitKind,
            council,
            selfAssessmentDeadline: vietnamInstant(selfDeadline),
            explanationDeadline: vietnamInstant(explanationDeadline),
          },
        }),
      ),
    onSuccess: async (round) => {
      await queryClient.invalidateQueries({ queryKey: ['par-rounds'] })
      navigate(`/can-bo/chi-so-cchc/${round.id}`)
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    open.mutate()
  }
  const needle = filter.trim().toLocaleLowerCase('vi')
  const shown = (candidates.data ?? []).filter(
    (c) =>
      council.includes(c.id) ||
      needle === '' ||
      `${c.name} ${c.username ?? ''} ${c.agencies.join(' ')}`.toLocaleLowerCase('vi').includes(needle),
  )
  return (
    <section aria-labelledby="par-open">
      <h2 id="par-open">{t('par.open.title')}</h2>
      <form onSubmit={submit}>
        <label>
          {t('par.open.year')}{' '}
          <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </label>
        <label>
          {t('par.open.kind')}{' '}
          <select value={unitKind} onChange={(e) => setUnitKind(e.target.value as 'department' | 'commune')}>
            <option value="department">{t('par.kind.department')}</option>
            <option value="commune">{t('par.kind.commune')}</option>
          </select>
        </label>
        <p>{t('par.open.set')}</p>
        <fieldset>
          <legend>{t('par.open.council')}</legend>
          <label>
            {t('par.open.councilFilter')}{' '}
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </label>
          <ul className="plain">
            {shown.map((c) => (
              <li key={c.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={council.includes(c.id)}
                    onChange={(e) =>
                      setCouncil(e.target.checked ? [...council, c.id] : council.filter((id) => id !== c.id))
                    }
                  />{' '}
                  {c.name} ({c.username ?? c.id}; {c.agencies.join(', ')})
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <label>
          {t('par.round.selfDeadline')} ({t('par.open.vietnamTime')}){' '}
          <input
            type="datetime-local"
            required
            value={selfDeadline}
            onChange={(e) => setSelfDeadline(e.target.value)}
          />
        </label>
        <label>
          {t('par.round.explanationDeadline')} ({t('par.open.vietnamTime')}){' '}
          <input
            type="datetime-local"
            required
            value={explanationDeadline}
            onChange={(e) => setExplanationDeadline(e.target.value)}
          />
        </label>
        <button type="submit" disabled={open.isPending}>
          {t('par.open.submit')}
        </button>
        {open.isError && (
          <p role="alert" className="error">
            {errorText(open.error, lang, t('common.networkError'))}
          </p>
        )}
      </form>
    </section>
  )
}
