import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import type { Answer } from '../../api/types.ts'
import { type MessageKey, useI18n } from '../../i18n/messages.ts'

type Run = Answer<'/api/portal/reconciliation/runs', 'get'>['runs'][number]
const runsKey = ['portal-reconciliation-runs']

/** Yesterday in Vietnam (UTC+7), the day the daily report covers. */
const yesterday = () => new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10)

/** Provincial administrators: the differences with the national portal, and a re-sync per row. */
export function ReconciliationPage() {
  const { t, lang, formatInstant } = useI18n()
  const ids = useId()
  const queries = useQueryClient()
  const runs = useQuery({ queryKey: runsKey, queryFn: () => ok(client.GET('/api/portal/reconciliation/runs')) })
  const [chosen, setChosen] = useState<string | null>(null)
  const shownId = chosen ?? runs.data?.runs.find((r) => r.state === 'done')?.id ?? null
  const shown = useQuery({
    queryKey: [...runsKey, shownId],
    enabled: shownId !== null,
    queryFn: () =>
      ok(client.GET('/api/portal/reconciliation/runs/{id}', { params: { path: { id: shownId as string } } })),
  })
  const [from, setFrom] = useState(yesterday)
  const [to, setTo] = useState(yesterday)
  const [message, setMessage] = useState('')
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const status = (n: number) => t(`status.${n}` as MessageKey)

  const act = async (key: string, work: () => Promise<string>) => {
    setBusy(key)
    setFailed(false)
    setMessage(t('reconcile.working'))
    try {
      setMessage(await work())
    } catch (error) {
      setFailed(true)
      setMessage(t('reconcile.failed', { message: errorText(error, lang, t('common.networkError')) }))
    } finally {
      setBusy(null)
    }
  }

  const runNow = (event: FormEvent) => {
    event.preventDefault()
    void act('run', async () => {
      const run = await ok(client.POST('/api/portal/reconciliation/runs', { body: { from, to } }))
      await queries.invalidateQueries({ queryKey: runsKey })
      setChosen(run.id)
      return run.state === 'done'
        ? t('reconcile.ran', { ...run.counts, from: run.windowFrom, to: run.windowTo })
        : t('reconcile.runFailed', { error: run.error ?? '' })
    })
  }

  const resend = (dossierId: string, label: string) =>
    act(dossierId, async () => {
      const r = await ok(client.POST('/api/portal/reconciliation/resends', { body: { dossierId } }))
      return t('reconcile.resent', { dossier: label, version: r.version })
    })

  const repull = (nationalId: string) =>
    act(nationalId, async () => {
      const r = await ok(client.POST('/api/portal/reconciliation/repulls', { body: { nationalId } }))
      return t(r.outcome === 'created' ? 'reconcile.repulled' : 'reconcile.repullOther', {
        id: nationalId,
        outcome: r.outcome,
        detail: r.detail ?? '',
      })
    })

  const button = (key: string, label: string, describedBy: string, onClick: () => void) => (
    <button type="button" aria-describedby={describedBy} disabled={busy !== null} onClick={onClick}>
      {busy === key ? t('reconcile.busy') : label}
    </button>
  )

  const run = shown.data ?? null
  const items = run?.items ?? null
  return (
    <>
      <h1>{t('reconcile.title')}</h1>
      <p>{t('reconcile.intro')}</p>
      <form className="reconcile-form" onSubmit={runNow}>
        <label htmlFor={`${ids}-from`}>{t('reconcile.from')}</label>
        <input id={`${ids}-from`} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor={`${ids}-to`}>{t('reconcile.to')}</label>
        <input id={`${ids}-to`} type="date" required value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" disabled={busy !== null}>
          {busy === 'run' ? t('reconcile.busy') : t('reconcile.runNow')}
        </button>
      </form>
      <Announcement failed={failed} className="result">
        {message}
      </Announcement>
      <h2>{t('reconcile.runs')}</h2>
      {!runs.data ? (
        <Announcement failed={runs.isError}>
          {runs.isError ? errorText(runs.error, lang, t('common.networkError')) : t('common.loading')}
        </Announcement>
      ) : runs.data.runs.length === 0 ? (
        <p>{t('reconcile.noRuns')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('reconcile.runsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reconcile.col.window')}</th>
                <th scope="col">{t('reconcile.col.trigger')}</th>
                <th scope="col">{t('reconcile.col.startedAt')}</th>
                <th scope="col">{t('reconcile.col.outcome')}</th>
                <th scope="col">{t('reconcile.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.runs.map((r: Run) => (
                <tr key={r.id}>
                  <th scope="row" id={`${ids}-${r.id}`}>
                    {r.windowFrom === r.windowTo ? r.windowFrom : `${r.windowFrom} – ${r.windowTo}`}
                  </th>
                  <td>{t(r.trigger === 'daily' ? 'reconcile.daily' : 'reconcile.manual')}</td>
                  <td>
                    <time dateTime={r.startedAt}>{formatInstant(r.startedAt)}</time>
                  </td>
                  <td>
                    {r.counts
                      ? t('reconcile.counts', r.counts)
                      : r.state === 'failed'
                        ? t('reconcile.stateFailed', { error: r.error ?? '' })
                        : t('reconcile.stateRunning')}
                  </td>
                  <td>
                    {r.state === 'done' && (
                      <button
                        type="button"
                        aria-describedby={`${ids}-${r.id}`}
                        aria-pressed={r.id === shownId}
                        onClick={() => setChosen(r.id)}
                      >
                        {t('reconcile.show')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {run && items && (
        <section aria-labelledby={`${ids}-shown`}>
          <h2 id={`${ids}-shown`}>{t('reconcile.shown', { from: run.windowFrom, to: run.windowTo })}</h2>
          <p>
            <a href={`/api/portal/reconciliation/runs/${run.id}/report.csv`} download>
              {t('reconcile.download')}
            </a>
          </p>
          <h3>{t('reconcile.portalOnly', { count: items.portalOnly.length })}</h3>
          {items.portalOnly.length === 0 ? (
            <p>{t('reconcile.none')}</p>
          ) : (
            <ul className="reconcile-rows">
              {items.portalOnly.map((p, i) => {
                const head = `${ids}-p${i}`
                return (
                  <li key={`${p.nationalId}|${p.code}`}>
                    <span id={head}>
                      {p.nationalId ?? p.code} · {p.procedureCode} · {t('reconcile.portalStatus')} {status(p.status)}
                    </span>{' '}
                    {p.nationalId
                      ? button(p.nationalId, t('reconcile.repull'), head, () => void repull(p.nationalId as string))
                      : t('reconcile.nothingToPull')}
                  </li>
                )
              })}
            </ul>
          )}
          <h3>{t('reconcile.motcuaOnly', { count: items.motcuaOnly.length })}</h3>
          {items.motcuaOnly.length === 0 ? (
            <p>{t('reconcile.none')}</p>
          ) : (
            <ul className="reconcile-rows">
              {items.motcuaOnly.map((d, i) => {
                const head = `${ids}-m${i}`
                const label = d.code ?? d.nationalId ?? d.dossierId
                return (
                  <li key={d.dossierId}>
                    <span id={head}>
                      {label} · {t('reconcile.motcuaStatus')} {status(d.status)}
                    </span>{' '}
                    {button(d.dossierId, t('reconcile.resend'), head, () => void resend(d.dossierId, label))}
                  </li>
                )
              })}
            </ul>
          )}
          <h3>{t('reconcile.mismatched', { count: items.mismatched.length })}</h3>
          {items.mismatched.length === 0 ? (
            <p>{t('reconcile.none')}</p>
          ) : (
            <ul className="reconcile-rows">
              {items.mismatched.map((m, i) => {
                const head = `${ids}-x${i}`
                const label = m.local.code ?? m.local.nationalId ?? m.local.dossierId
                return (
                  <li key={m.local.dossierId}>
                    <span id={head}>
                      {label} · {t('reconcile.motcuaStatus')} {status(m.local.status)} · {t('reconcile.portalStatus')}{' '}
                      {status(m.portal.status)}
                    </span>{' '}
                    {button(
                      m.local.dossierId,
                      t('reconcile.resend'),
                      head,
                      () => void resend(m.local.dossierId, label),
                    )}
                  </li>
                )
              })}
            </ul>
          )}
        </section>
      )}
    </>
  )
}
