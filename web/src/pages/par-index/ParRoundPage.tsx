import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { Link } from '../../router.tsx'
import type { Grant } from '../../session.tsx'
import { type Round, useRound, vietnamInstant, vietnamLocal } from './par-index-api.ts'
import { OwnUnitLinks } from './UnitLinks.tsx'

/**
 * Một kỳ đánh giá: its criteria set, deadlines and status; each unit's progress (for the council and
 * the provincial administrator); locking and publishing as the round's availableActions offer them.
 */
export function ParRoundPage({ id, grants }: { id: string; grants: readonly Grant[] }) {
  const { t, tx, lang, formatInstant } = useI18n()
  const round = useRound(id)
  const title = round.data
    ? t('par.round.title', { year: round.data.year, kind: tx(`par.kind.${round.data.unitKind}`) })
    : t('par.title')
  usePageHead(title, title)
  if (round.isError)
    return (
      <p role="alert" className="error">
        {errorText(round.error, lang, t('common.networkError'))}
      </p>
    )
  if (!round.data) return <p role="status">{t('common.loading')}</p>
  const r = round.data
  const criteria = r.criteriaSet.areas.flatMap((a) => a.criteria)
  return (
    <>
      <h1>{title}</h1>
      <p>
        <Link to="/can-bo/chi-so-cchc">{t('par.back')}</Link>
        {' · '}
        <Link to={`/can-bo/chi-so-cchc/${r.id}/xep-hang`}>{t('par.ranking.link')}</Link>
      </p>
      <dl>
        <dt>{t('par.round.status')}</dt>
        <dd>{tx(`par.status.${r.status}`)}</dd>
        <dt>{t('par.round.selfDeadline')}</dt>
        <dd>{formatInstant(r.selfAssessmentDeadline)}</dd>
        <dt>{t('par.round.explanationDeadline')}</dt>
        <dd>{formatInstant(r.explanationDeadline)}</dd>
        {r.lockedAt && (
          <>
            <dt>{t('par.round.lockedAt')}</dt>
            <dd>{formatInstant(r.lockedAt)}</dd>
          </>
        )}
        {r.publishedAt && (
          <>
            <dt>{t('par.round.publishedAt')}</dt>
            <dd>{formatInstant(r.publishedAt)}</dd>
          </>
        )}
        <dt>{t('par.round.set')}</dt>
        <dd>
          {t('par.round.setSummary', {
            areas: r.criteriaSet.areas.length,
            criteria: criteria.length,
            max: r.criteriaSet.maxPoints,
          })}
          <br />
          <small>{r.criteriaSet.source}</small>
        </dd>
        <dt>{t('par.round.councilSize')}</dt>
        <dd>{r.council.length}</dd>
      </dl>
      <RoundActions round={r} />
      {r.availableActions.includes('set-deadlines') && <DeadlinesForm key={r.version} round={r} />}
      <UnitProgress round={r} own={new Set(grants.map((g) => g.agencyId))} />
    </>
  )
}

function RoundActions({ round }: { round: Round }) {
  const { t, lang } = useI18n()
  const queryClient = useQueryClient()
  const act = useMutation({
    mutationFn: (action: 'lock' | 'publish') =>
      ok(
        action === 'lock'
          ? client.POST('/api/par-index/rounds/{id}/lock', { params: { path: { id: round.id } } })
          : client.POST('/api/par-index/rounds/{id}/publication', { params: { path: { id: round.id } } }),
      ),
    onSuccess: (next) => {
      queryClient.setQueryData(['par-round', round.id], next)
      return queryClient.invalidateQueries({ queryKey: ['par-progress', round.id] })
    },
  })
  const offered = round.availableActions.filter((a): a is 'lock' | 'publish' => a === 'lock' || a === 'publish')
  if (offered.length === 0) return null
  return (
    <p>
      {offered.map((a) => (
        <button key={a} type="button" onClick={() => act.mutate(a)} disabled={act.isPending}>
          {t(`par.action.${a}`)}
        </button>
      ))}
      {act.isError && (
        <span role="alert" className="error">
          {' '}
          {errorText(act.error, lang, t('common.networkError'))}
        </span>
      )}
    </p>
  )
}

/** Gia hạn: the two deadlines, typed in Vietnam time; a self-assessment deadline already passed stays. */
function DeadlinesForm({ round }: { round: Round }) {
  const { t, lang } = useI18n()
  const queryClient = useQueryClient()
  const [self, setSelf] = useState(vietnamLocal(round.selfAssessmentDeadline))
  const [explanation, setExplanation] = useState(vietnamLocal(round.explanationDeadline))
  const move = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/par-index/rounds/{id}/deadlines', {
          params: { path: { id: round.id } },
          body: {
            selfAssessmentDeadline:
              self === vietnamLocal(round.selfAssessmentDeadline) ? round.selfAssessmentDeadline : vietnamInstant(self),
            explanationDeadline: vietnamInstant(explanation),
            expectedVersion: round.version,
          },
        }),
      ),
    onSuccess: (next) => queryClient.setQueryData(['par-round', round.id], next),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    move.mutate()
  }
  return (
    <section aria-labelledby="par-deadlines">
      <h2 id="par-deadlines">{t('par.deadlines.title')}</h2>
      <form onSubmit={submit}>
        <label>
          {t('par.round.selfDeadline')} ({t('par.open.vietnamTime')}){' '}
          <input type="datetime-local" required value={self} onChange={(e) => setSelf(e.target.value)} />
        </label>
        <label>
          {t('par.round.explanationDeadline')} ({t('par.open.vietnamTime')}){' '}
          <input type="datetime-local" required value={explanation} onChange={(e) => setExplanation(e.target.value)} />
        </label>
        <button type="submit" disabled={move.isPending}>
          {t('par.deadlines.submit')}
        </button>
        {move.isError && (
          <p role="alert" className="error">
            {errorText(move.error, lang, t('common.networkError'))}
          </p>
        )}
      </form>
    </section>
  )
}

/** Tiến độ: who has self-assessed, been appraised, explained — dates and counts, no scores. */
function UnitProgress({ round, own }: { round: Round; own: ReadonlySet<string> }) {
  const { t, lang, formatInstant } = useI18n()
  const progress = useQuery({
    queryKey: ['par-progress', round.id],
    retry: false,
    queryFn: () => ok(client.GET('/api/par-index/rounds/{id}/progress', { params: { path: { id: round.id } } })),
  })
  if (progress.isError) return <OwnUnitLinks roundId={round.id} units={round.units} own={own} />
  if (!progress.data) return <p role="status">{t('common.loading')}</p>
  const p = progress.data
  const done = p.units.filter((u) => u.selfAssessedAt !== null).length
  return (
    <table>
      <caption>{t('par.progress.caption', { done, count: p.units.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('par.progress.unit')}</th>
          <th scope="col">{t('par.progress.answered')}</th>
          <th scope="col">{t('par.progress.evidence')}</th>
          <th scope="col">{t('par.progress.selfAssessedAt')}</th>
          <th scope="col">{t('par.progress.appraisedAt')}</th>
          <th scope="col">{t('par.progress.explainedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {p.units.map((u) => (
          <tr key={u.unitId}>
            <th scope="row">
              <Link to={`/can-bo/chi-so-cchc/${round.id}/don-vi/${encodeURIComponent(u.unitId)}`}>{u.name}</Link>
            </th>
            <td>{t('par.progress.of', { answered: u.answered, count: p.answerable })}</td>
            <td>{u.evidence.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</td>
            <td>{formatInstant(u.selfAssessedAt)}</td>
            <td>{formatInstant(u.appraisedAt)}</td>
            <td>{formatInstant(u.explainedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
