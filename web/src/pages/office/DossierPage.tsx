import { useCallback, useEffect, useState } from 'react'
import { api, errorText } from '../../api.ts'
import { useI18n } from '../../i18n/messages.ts'
import { Link } from '../../router.tsx'
import { Actions } from './Actions.tsx'
import { Urgency } from './urgency.tsx'

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
  files: { sha256: string; component: string; name: string | null; mediaType: string; size: number }[]
}
const pollMs = 5000

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; dossier: DossierView }

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

function Documents({ dossier }: { dossier: DossierView }) {
  const { t } = useI18n()
  const ref = encodeURIComponent(dossier.code ?? dossier.id)
  return (
    <section aria-labelledby="dossier-files">
      <h2 id="dossier-files">{t('office.files')}</h2>
      {dossier.code && (
        <p>
          <a href={`/api/dossiers/${ref}/forms/01`} target="_blank" rel="noopener">
            {t('office.printReceipt')}
          </a>
        </p>
      )}
      {dossier.files.length === 0 ? (
        <p>{t('office.noFiles')}</p>
      ) : (
        <ul>
          {dossier.files.map((f) => (
            <li key={f.sha256}>
              <a href={`/api/dossiers/${ref}/files/${f.sha256}`} download={f.name ?? undefined}>
                {f.component}
                {f.name ? ` — ${f.name}` : ''}
              </a>{' '}
              <span className="meta">({t('office.fileSize', { kb: Math.max(1, Math.round(f.size / 1024)) })})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function DossierPage({ dossierRef }: { dossierRef: string }) {
  const { t, tx, lang, formatInstant } = useI18n()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  // A slow poll never overwrites a newer view (one a command just returned).
  const show = useCallback(
    (dossier: DossierView) =>
      setLoad((prev) =>
        prev.state === 'done' && prev.dossier.id === dossier.id && prev.dossier.version > dossier.version
          ? prev
          : { state: 'done', dossier },
      ),
    [],
  )
  useEffect(() => {
    let live = true
    api<DossierView>(`/api/dossiers/${encodeURIComponent(dossierRef)}`).then(
      (dossier) => live && show(dossier),
      (error: unknown) =>
        live && setLoad({ state: 'error', message: errorText(error, lang, t('common.networkError')) }),
    )
    // Keep the view current while it is open: others act on the same dossier.
    const timer = window.setInterval(() => {
      if (document.hidden) return
      api<DossierView>(`/api/dossiers/${encodeURIComponent(dossierRef)}`).then(
        (dossier) => live && show(dossier),
        () => {},
      )
    }, pollMs)
    return () => {
      live = false
      window.clearInterval(timer)
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
      <Documents dossier={d} />
      <Actions dossier={d} onDone={show} />
      <h2>{t('dossier.timeline')}</h2>
      <Timeline events={d.timeline} />
      <h2>{t('dossier.controlSheet')}</h2>
      <ControlSheet rows={d.controlSheet} />
    </article>
  )
}
