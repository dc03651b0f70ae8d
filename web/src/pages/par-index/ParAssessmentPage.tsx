import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { Link } from '../../router.tsx'
import { readEvidence } from '../programme/programme-api.ts'
import { FigureSource } from './FigureSource.tsx'
import {
  type Answers,
  type Assessment,
  formatFigure,
  formatPoints,
  type Leaf,
  type LeafAnswer,
  leavesOf,
  loadAssessment,
  type Round,
  textIn,
  useRound,
} from './par-index-api.ts'

/** What a form holds for one leaf: the level code or the number typed, and the evidence chosen. */
type Draft = { value: string; evidence: string[] }
type Drafts = Record<string, Draft>

const draftOf = (a: LeafAnswer | undefined): Draft =>
  a === undefined
    ? { value: '', evidence: [] }
    : {
        value: a.kind === 'level' ? a.level : String(a.kind === 'count' ? a.count : a.points),
        evidence: [...a.evidence],
      }

const draftsOf = (answers: Answers): Drafts =>
  Object.fromEntries(Object.entries(answers).map(([code, a]) => [code, draftOf(a)]))

/** The answers the drafts make: only leaves given a value, each of the kind its method takes. */
function answersOf(leaves: readonly Leaf[], drafts: Drafts): Answers {
  const answers: Record<string, LeafAnswer> = {}
  for (const leaf of leaves) {
    const d = drafts[leaf.code]
    if (d === undefined || d.value === '') continue
    const m = leaf.method
    if (m.kind === 'self_assessed') answers[leaf.code] = { kind: 'level', level: d.value, evidence: d.evidence }
    else if (m.kind === 'counted') answers[leaf.code] = { kind: 'count', count: Number(d.value), evidence: d.evidence }
    else if (m.kind === 'bonus' || m.kind === 'penalty')
      answers[leaf.code] = { kind: 'points', points: Number(d.value), evidence: d.evidence }
  }
  return answers
}

/**
 * Tự đánh giá và thẩm định của một đơn vị: area → criteria → sub-criteria with their maximum points;
 * computed figures read-only with their source; the unit's answers with evidence beside the council's
 * scores and comments; the unit's explanation. Which parts are editable comes from availableActions.
 */
export function ParAssessmentPage({ id, unitId }: { id: string; unitId: string }) {
  const { t, tx, lang } = useI18n()
  const round = useRound(id)
  const assessment = useQuery({
    queryKey: ['par-assessment', id, unitId],
    retry: false,
    queryFn: () => loadAssessment(id, unitId),
  })
  const title = assessment.data
    ? t('par.form.title', { unit: assessment.data.unitName, year: round.data?.year ?? '' })
    : t('par.title')
  usePageHead(title, title)
  const failure = round.error ?? assessment.error
  if (failure)
    return (
      <p role="alert" className="error">
        {errorText(failure, lang, t('common.networkError'))}
      </p>
    )
  if (!round.data || !assessment.data) return <p role="status">{t('common.loading')}</p>
  const r = round.data
  return (
    <>
      <h1>{title}</h1>
      <p>
        <Link to={`/can-bo/chi-so-cchc/${r.id}`}>
          {t('par.round.title', { year: r.year, kind: tx(`par.kind.${r.unitKind}`) })}
        </Link>
      </p>
      <AssessmentForm key={assessment.data.version} round={r} a={assessment.data} />
    </>
  )
}

function AssessmentForm({ round, a }: { round: Round; a: Assessment }) {
  const { t, lang, formatInstant } = useI18n()
  const queryClient = useQueryClient()
  const [self, setSelf] = useState<Drafts>(() => draftsOf(a.self))
  const [council, setCouncil] = useState<Drafts>(() => draftsOf(a.appraisal))
  const [comments, setComments] = useState<Record<string, string>>(() => ({ ...a.comments }))
  const [note, setNote] = useState(a.note)
  const [explanation, setExplanation] = useState('')
  const selfAssess = a.availableActions.includes('self-assess')
  const appraise = a.availableActions.includes('appraise')
  const explain = a.availableActions.includes('explain')
  const leaves = round.criteriaSet.areas.flatMap((area) => area.criteria.flatMap(leavesOf))
  const path = { id: round.id, unitId: a.unitId }
  const save = useMutation({
    mutationFn: (action: 'self-assess' | 'appraise' | 'explain') => {
      const expectedVersion = a.version
      if (action === 'self-assess')
        return ok(
          client.POST('/api/par-index/rounds/{id}/units/{unitId}/self-assessment', {
            params: { path },
            body: { answers: answersOf(leaves, self), note, expectedVersion },
          }),
        )
      if (action === 'appraise')
        return ok(
          client.POST('/api/par-index/rounds/{id}/units/{unitId}/appraisal', {
            params: { path },
            body: {
              answers: answersOf(leaves, council),
              comments: Object.fromEntries(Object.entries(comments).filter(([, c]) => c.trim() !== '')),
              expectedVersion,
            },
          }),
        )
      return ok(
        client.POST('/api/par-index/rounds/{id}/units/{unitId}/explanation', {
          params: { path },
          body: { explanation, expectedVersion },
        }),
      )
    },
    onSuccess: (next) => {
      queryClient.setQueryData(['par-assessment', round.id, a.unitId], next)
      return queryClient.invalidateQueries({ queryKey: ['par-progress', round.id] })
    },
  })
  const submit = (action: 'self-assess' | 'appraise' | 'explain') => (e: FormEvent) => {
    e.preventDefault()
    save.mutate(action)
  }
  const max = formatPoints(round.criteriaSet.maxPoints, lang)
  return (
    <>
      <dl>
        <dt>{t('par.form.selfScore')}</dt>
        <dd>{t('par.pointsOf', { points: formatPoints(a.selfScore.total, lang), max })}</dd>
        <dt>{t('par.form.finalScore')}</dt>
        <dd>{t('par.pointsOf', { points: formatPoints(a.finalScore.total, lang), max })}</dd>
        <dt>{t('par.progress.selfAssessedAt')}</dt>
        <dd>{formatInstant(a.selfAssessedAt)}</dd>
        <dt>{t('par.progress.appraisedAt')}</dt>
        <dd>{formatInstant(a.appraisedAt)}</dd>
        <dt>{t('par.round.selfDeadline')}</dt>
        <dd>{formatInstant(round.selfAssessmentDeadline)}</dd>
      </dl>
      {selfAssess && <p>{t('par.form.saveRule', { deadline: formatInstant(round.selfAssessmentDeadline) })}</p>}
      <EvidenceFiles round={round} a={a} upload={selfAssess} />
      <form onSubmit={submit(appraise ? 'appraise' : 'self-assess')}>
        {round.criteriaSet.areas.map((area) => (
          <section key={area.code} aria-labelledby={`area-${area.code}`}>
            <h2 id={`area-${area.code}`}>
              {area.code}. {textIn(area.name, lang)} —{' '}
              {t('par.pointsOf', {
                points: formatPoints(a.finalScore.areas.find((x) => x.code === area.code)?.points ?? 0, lang),
                max: formatPoints(
                  area.criteria
                    .flatMap(leavesOf)
                    .reduce((s, l) => s + (l.method.kind === 'penalty' ? 0 : l.maxPoints), 0),
                  lang,
                ),
              })}
            </h2>
            {area.criteria.map((c) =>
              'subCriteria' in c ? (
                <fieldset key={c.code}>
                  <legend>
                    {c.code} {textIn(c.name, lang)}
                  </legend>
                  {c.subCriteria.map((leaf) => (
                    <LeafRow
                      key={leaf.code}
                      {...{ leaf, a, self, setSelf, council, setCouncil, comments, setComments, selfAssess, appraise }}
                    />
                  ))}
                </fieldset>
              ) : (
                <LeafRow
                  key={c.code}
                  leaf={c as Leaf}
                  {...{ a, self, setSelf, council, setCouncil, comments, setComments, selfAssess, appraise }}
                />
              ),
            )}
          </section>
        ))}
        {(selfAssess || a.note !== '') && (
          <label>
            {t('par.form.note')}{' '}
            <textarea value={note} onChange={(e) => setNote(e.target.value)} readOnly={!selfAssess} />
          </label>
        )}
        {selfAssess && (
          <button type="submit" disabled={save.isPending}>
            {t('par.action.self-assess')}
          </button>
        )}
        {appraise && (
          <button type="submit" disabled={save.isPending}>
            {t('par.action.appraise')}
          </button>
        )}
      </form>
      <section aria-labelledby="par-explanation">
        <h2 id="par-explanation">{t('par.form.explanation')}</h2>
        {a.explanation !== null ? (
          <p>
            {a.explanation} <small>({formatInstant(a.explainedAt)})</small>
          </p>
        ) : (
          !explain && <p>{t('par.form.noExplanation')}</p>
        )}
        {explain && (
          <form onSubmit={submit('explain')}>
            <p>{t('par.form.explainRule', { deadline: formatInstant(round.explanationDeadline) })}</p>
            <label>
              {t('par.form.explanationText')}{' '}
              <textarea required value={explanation} onChange={(e) => setExplanation(e.target.value)} />
            </label>
            <button type="submit" disabled={save.isPending}>
              {t('par.action.explain')}
            </button>
          </form>
        )}
      </section>
      {save.isError && (
        <p role="alert" className="error">
          {errorText(save.error, lang, t('common.networkError'))}
        </p>
      )}
    </>
  )
}

/** Tài liệu kiểm chứng: the unit's files (downloadable), and uploading one while self-assessing. */
function EvidenceFiles({ round, a, upload }: { round: Round; a: Assessment; upload: boolean }) {
  const { t, lang } = useI18n()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const send = useMutation({
    mutationFn: async () => {
      if (file === null) throw new Error(t('par.evidence.choose'))
      const body = await readEvidence(file)
      return ok(
        client.POST('/api/par-index/rounds/{id}/units/{unitId}/evidence', {
          params: { path: { id: round.id, unitId: a.unitId } },
          body,
        }),
      )
    },
    onSuccess: () => {
      setFile(null)
      return queryClient.invalidateQueries({ queryKey: ['par-assessment', round.id, a.unitId] })
    },
  })
  return (
    <section aria-labelledby="par-evidence">
      <h2 id="par-evidence">{t('par.evidence.title')}</h2>
      {a.evidence.length === 0 ? (
        <p>{t('par.evidence.none')}</p>
      ) : (
        <ul>
          {a.evidence.map((e) => (
            <li key={e.sha256}>
              <a href={`/api/par-index/rounds/${round.id}/units/${encodeURIComponent(a.unitId)}/evidence/${e.sha256}`}>
                {e.name ?? e.sha256.slice(0, 12)}
              </a>{' '}
              ({e.mediaType}, {e.size.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} B)
            </li>
          ))}
        </ul>
      )}
      {upload && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            send.mutate()
          }}
        >
          <label>
            {t('par.evidence.file')}{' '}
            <input
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <button type="submit" disabled={send.isPending || file === null}>
            {t('par.evidence.upload')}
          </button>
          {send.isError && (
            <p role="alert" className="error">
              {errorText(send.error, lang, t('common.networkError'))}
            </p>
          )}
        </form>
      )}
    </section>
  )
}

type LeafRowProps = {
  leaf: Leaf
  a: Assessment
  self: Drafts
  setSelf: (d: Drafts) => void
  council: Drafts
  setCouncil: (d: Drafts) => void
  comments: Record<string, string>
  setComments: (c: Record<string, string>) => void
  selfAssess: boolean
  appraise: boolean
}

/** One scored leaf: its method, the unit's answer (or the computed figure), the council's score and comment. */
function LeafRow(p: LeafRowProps) {
  const { t, tx, lang } = useI18n()
  const { leaf, a } = p
  const m = leaf.method
  const selfPoints = a.selfScore.leaves[leaf.code] ?? 0
  const finalPoints = a.finalScore.leaves[leaf.code] ?? 0
  const appraised = a.appraisal[leaf.code] !== undefined
  const maxText =
    m.kind === 'penalty'
      ? t('par.leaf.penaltyMax', { max: formatPoints(leaf.maxPoints, lang) })
      : t('par.leaf.max', { max: formatPoints(leaf.maxPoints, lang) })
  return (
    <fieldset className="par-leaf">
      <legend>
        {leaf.code} {textIn(leaf.name, lang)} — {maxText}
      </legend>
      <p>
        <small>
          {m.kind === 'computed'
            ? tx(`par.method.computed.${m.rule}`)
            : m.kind === 'counted'
              ? t('par.method.counted', { points: formatPoints(m.pointsPerItem, lang) })
              : tx(`par.method.${m.kind}`)}
        </small>
      </p>
      {m.kind === 'computed' ? (
        <p>
          {t('par.leaf.figure', {
            figure: tx(`par.figure.${m.figure}`),
            value: formatFigure(m.figure, a.figures[m.figure], lang) ?? t('par.leaf.notApplicable'),
          })}{' '}
          — <FigureSource figure={m.figure} sources={a.sources} /> —{' '}
          <strong>{t('par.leaf.points', { points: formatPoints(finalPoints, lang) })}</strong>
        </p>
      ) : (
        <div className="par-columns">
          {m.kind !== 'penalty' && (
            <AnswerFields
              who="self"
              legend={t('par.leaf.self')}
              leaf={leaf}
              drafts={p.self}
              setDrafts={p.setSelf}
              editable={p.selfAssess}
              evidence={a.evidence}
              points={selfPoints}
            />
          )}
          {(p.appraise || appraised || a.comments[leaf.code] !== undefined) && (
            <AnswerFields
              who="council"
              legend={t('par.leaf.council')}
              leaf={leaf}
              drafts={p.council}
              setDrafts={p.setCouncil}
              editable={p.appraise}
              evidence={[]}
              points={appraised ? finalPoints : null}
            >
              <label>
                {t('par.leaf.comment')}{' '}
                <textarea
                  value={p.comments[leaf.code] ?? ''}
                  readOnly={!p.appraise}
                  onChange={(e) => p.setComments({ ...p.comments, [leaf.code]: e.target.value })}
                />
              </label>
            </AnswerFields>
          )}
        </div>
      )}
    </fieldset>
  )
}

type AnswerFieldsProps = {
  who: 'self' | 'council'
  legend: string
  leaf: Leaf
  drafts: Drafts
  setDrafts: (d: Drafts) => void
  editable: boolean
  evidence: Assessment['evidence']
  points: number | null
  children?: React.ReactNode
}

/** The scale's levels, or a count, or points; with the evidence the unit attaches to its answer. */
function AnswerFields(p: AnswerFieldsProps) {
  const { t, lang } = useI18n()
  const { leaf } = p
  const m = leaf.method
  const d = p.drafts[leaf.code] ?? { value: '', evidence: [] }
  const set = (next: Partial<Draft>) => p.setDrafts({ ...p.drafts, [leaf.code]: { ...d, ...next } })
  const name = `${p.who}-${leaf.code}`
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      {m.kind === 'self_assessed' ? (
        m.levels.map((level) => (
          <label key={level.code} className="choice">
            <input
              type="radio"
              name={name}
              value={level.code}
              checked={d.value === level.code}
              disabled={!p.editable}
              onChange={() => set({ value: level.code })}
            />{' '}
            {textIn(level.label, lang)} ({t('par.leaf.points', { points: formatPoints(level.points, lang) })})
          </label>
        ))
      ) : (
        <label>
          {m.kind === 'counted' ? t('par.leaf.count') : t('par.leaf.claimed')}{' '}
          <input
            type="number"
            min={0}
            max={m.kind === 'counted' ? undefined : leaf.maxPoints}
            step={m.kind === 'counted' ? 1 : 0.25}
            value={d.value}
            readOnly={!p.editable}
            onChange={(e) => set({ value: e.target.value })}
          />
        </label>
      )}
      {p.who === 'self' && (p.editable ? p.evidence.length > 0 : d.evidence.length > 0) && (
        <fieldset>
          <legend>{t('par.leaf.evidence')}</legend>
          {(p.editable ? p.evidence : p.evidence.filter((e) => d.evidence.includes(e.sha256))).map((e) => (
            <label key={e.sha256} className="choice">
              <input
                type="checkbox"
                checked={d.evidence.includes(e.sha256)}
                disabled={!p.editable}
                onChange={(ev) =>
                  set({
                    evidence: ev.target.checked ? [...d.evidence, e.sha256] : d.evidence.filter((x) => x !== e.sha256),
                  })
                }
              />{' '}
              {e.name ?? e.sha256.slice(0, 12)}
            </label>
          ))}
        </fieldset>
      )}
      {p.who === 'self' && p.editable && p.evidence.length === 0 && <p>{t('par.leaf.uploadFirst')}</p>}
      {p.points !== null && <p>{t('par.leaf.points', { points: formatPoints(p.points, lang) })}</p>}
      {p.children}
    </fieldset>
  )
}
