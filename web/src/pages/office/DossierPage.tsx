import { useQuery } from '@tanstack/react-query'
import { Announcement } from '../../Announcement.tsx'
import { agencyName, agencyTreeQuery } from '../../api/agencies.ts'
import { client, errorText, ok } from '../../api/client.ts'
import type { DossierView } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'
import { Link } from '../../router.tsx'
import { Apology, ReceptionGuidance, Withdrawal } from '../DossierNotices.tsx'
import { Actions } from './Actions.tsx'
import { ComponentList } from './ComponentList.tsx'
import { ConsultationLetters } from './ConsultationLetters.tsx'
import { DeclarationPanel } from './DeclarationPanel.tsx'
import { Urgency } from './urgency.tsx'

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
      {dossier.status === 3 && (
        <p>
          <a href={`/api/dossiers/${ref}/forms/03`} target="_blank" rel="noopener">
            {t('office.printRejection')}
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
  // Others act on the same dossier: the view refetches when the officer returns to the window.
  const viewKey = ['dossier', dossierRef]
  const load = useQuery({
    queryKey: viewKey,
    queryFn: () => ok(client.GET('/api/dossiers/{ref}', { params: { path: { ref: dossierRef } } })),
  })
  const tree = useQuery(agencyTreeQuery).data
  const back = <Link to="/can-bo">{t('dossier.backToQueue')}</Link>
  const d = load.data
  if (!d)
    return (
      <>
        <Announcement failed={load.isError}>
          {load.isError ? errorText(load.error, lang, t('common.networkError')) : t('dossier.loading')}
        </Announcement>
        {back}
      </>
    )
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
        <dt>{t('dossier.channel')}</dt>
        <dd>{tx(`channel.${d.channel}`)}</dd>
        {d.competentAgencyId && (
          <>
            <dt>{t('dossier.competentAgency')}</dt>
            <dd>{agencyName(tree, d.competentAgencyId)}</dd>
          </>
        )}
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
      <ReceptionGuidance dossier={d} />
      <Withdrawal dossier={d} />
      <Apology dossier={d} />
      <DeclarationPanel dossier={d} />
      <ComponentList dossier={d} viewKey={viewKey} />
      <Documents dossier={d} />
      <ConsultationLetters dossier={d} />
      <Actions dossier={d} viewKey={viewKey} />
      <h2>{t('dossier.timeline')}</h2>
      <Timeline events={d.timeline} />
      <h2>{t('dossier.controlSheet')}</h2>
      <ControlSheet rows={d.controlSheet} />
    </article>
  )
}
