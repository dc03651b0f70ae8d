import { useCallback, useEffect, useState } from 'react'
import { api, errorText, newIdempotencyKey } from '../../api.ts'
import { useI18n } from '../../i18n/messages.ts'
import { Link } from '../../router.tsx'
import { Urgency } from './urgency.tsx'

/** Commands that need nothing but the version: the endpoint each one posts to. */
const simpleCommands: Record<string, string> = {
  receive: 'reception',
  transfer: 'transfer',
  approve: 'approval',
  'warn-late': 'late-warnings',
}

type DossierView = {
  id: string
  code: string | null
  version: number
  status: number
  procedure: { code: string; version: number }
  applicant: { name: string }
  submittedAt: string
  receivedAt: string | null
  deadlines: {
    appointmentAt: string | null
    kpiDeadline: string | null
    currentStepDueAt: string | null
    pausedHours: number
    urgency: string
  }
  currentStep: { name: string; dueAt: string } | null
  controlSheet: {
    name: string
    startedAt: string
    dueAt: string
    endedAt: string | null
    timeliness: string | null
  }[]
  timeline: { seq: number; type: string; at: string; actor: { name: string } }[]
  availableActions: string[]
}
type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; dossier: DossierView }

function Actions({ dossier, onDone }: { dossier: DossierView; onDone: (d: DossierView) => void }) {
  const { t, tx, lang } = useI18n()
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const run = async (action: string, path: string) => {
    setBusy(true)
    setStatus(t('dossier.working'))
    try {
      const next = await api<DossierView>(`/api/dossiers/${encodeURIComponent(dossier.code ?? dossier.id)}/${path}`, {
        method: 'POST',
        headers: { 'idempotency-key': newIdempotencyKey() },
        body: { expectedVersion: dossier.version },
      })
      onDone(next)
      setStatus(t('dossier.actionDone', { action: tx(`action.${action}`) }))
    } catch (error) {
      setStatus(errorText(error, lang, t('common.networkError')))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="dossier-actions">
      <h2 id="dossier-actions">{t('dossier.actions')}</h2>
      {dossier.availableActions.length === 0 ? (
        <p>{t('dossier.noActions')}</p>
      ) : (
        <ul className="actions">
          {dossier.availableActions.map((action) => {
            const path = simpleCommands[action]
            return (
              <li key={action}>
                <button
                  type="button"
                  className={path ? 'primary' : 'secondary'}
                  disabled={busy || !path}
                  onClick={path ? () => void run(action, path) : undefined}
                >
                  {tx(`action.${action}`)}
                </button>
                {!path && <span className="meta"> ({t('dossier.soon')})</span>}
              </li>
            )
          })}
        </ul>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  )
}

function ControlSheet({ rows }: { rows: DossierView['controlSheet'] }) {
  const { t, tx, formatInstant } = useI18n()
  if (rows.length === 0) return <p>{t('common.none')}</p>
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('dossier.col.step')}</th>
            <th scope="col">{t('dossier.col.started')}</th>
            <th scope="col">{t('dossier.col.due')}</th>
            <th scope="col">{t('dossier.col.ended')}</th>
            <th scope="col">{t('dossier.col.timeliness')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.name}-${row.startedAt}`}>
              <td>{row.name}</td>
              <td>{formatInstant(row.startedAt)}</td>
              <td>{formatInstant(row.dueAt)}</td>
              <td>{formatInstant(row.endedAt)}</td>
              <td>{row.timeliness ? tx(`timeliness.${row.timeliness}`) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function Timeline({ events }: { events: DossierView['timeline'] }) {
  const { tx, formatInstant } = useI18n()
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.seq}>
          <time dateTime={e.at}>{formatInstant(e.at)}</time> — {tx(`event.${e.type}`)} · {e.actor.name}
        </li>
      ))}
    </ol>
  )
}

export function DossierPage({ dossierRef }: { dossierRef: string }) {
  const { t, tx, lang, formatInstant } = useI18n()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const show = useCallback((dossier: DossierView) => setLoad({ state: 'done', dossier }), [])
  useEffect(() => {
    let live = true
    api<DossierView>(`/api/dossiers/${encodeURIComponent(dossierRef)}`).then(
      (dossier) => live && show(dossier),
      (error: unknown) =>
        live && setLoad({ state: 'error', message: errorText(error, lang, t('common.networkError')) }),
    )
    return () => {
      live = false
    }
  }, [dossierRef, lang, t, show])
  const back = <Link to="/can-bo">{t('dossier.backToQueue')}</Link>
  if (load.state !== 'done')
    return (
      <>
        <p role="status" aria-live="polite" className={load.state === 'error' ? 'error' : undefined}>
          {load.state === 'loading' ? t('dossier.loading') : load.message}
        </p>
        {back}
      </>
    )
  const d = load.dossier
  return (
    <article>
      <p>{back}</p>
      <h1>{t('dossier.title', { code: d.code ?? t('office.noCode') })}</h1>
      <dl className="facts">
        <dt>{t('dossier.status')}</dt>
        <dd>{tx(`status.${d.status}`)}</dd>
        <dt>{t('dossier.procedure')}</dt>
        <dd>{d.procedure.code}</dd>
        <dt>{t('dossier.applicant')}</dt>
        <dd>{d.applicant.name}</dd>
        <dt>{t('dossier.submittedAt')}</dt>
        <dd>{formatInstant(d.submittedAt)}</dd>
        <dt>{t('dossier.receivedAt')}</dt>
        <dd>{formatInstant(d.receivedAt)}</dd>
        <dt>{t('dossier.currentStep')}</dt>
        <dd>{d.currentStep ? d.currentStep.name : t('common.none')}</dd>
      </dl>
      <h2>{t('dossier.deadlines')}</h2>
      <dl className="facts">
        <dt>{t('dossier.urgency')}</dt>
        <dd>
          <Urgency value={d.deadlines.urgency} />
        </dd>
        <dt>{t('dossier.appointmentAt')}</dt>
        <dd>{formatInstant(d.deadlines.appointmentAt)}</dd>
        <dt>{t('dossier.stepDueAt')}</dt>
        <dd>{formatInstant(d.deadlines.currentStepDueAt)}</dd>
        <dt>{t('dossier.kpiDeadline')}</dt>
        <dd>{formatInstant(d.deadlines.kpiDeadline)}</dd>
        <dt>{t('dossier.pausedHours')}</dt>
        <dd>{d.deadlines.pausedHours}</dd>
      </dl>
      <Actions dossier={d} onDone={show} />
      <h2>{t('dossier.timeline')}</h2>
      <Timeline events={d.timeline} />
      <h2>{t('dossier.controlSheet')}</h2>
      <ControlSheet rows={d.controlSheet} />
    </article>
  )
}
