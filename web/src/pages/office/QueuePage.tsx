import { useEffect, useId, useState } from 'react'
import { api, errorText } from '../../api.ts'
import { useI18n } from '../../i18n/messages.ts'
import { Link } from '../../router.tsx'
import type { Grant } from '../../session.tsx'
import { Urgency } from './urgency.tsx'

const queueRoles = ['counter_officer', 'specialist', 'leader', 'clerk']

type QueueItem = {
  id: string
  code: string | null
  procedureName: string
  applicantName: string
  status: number
  dueAt: string | null
  urgency: string
}
type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; items: QueueItem[] }

function QueueTable({ items }: { items: QueueItem[] }) {
  const { t, tx, formatInstant } = useI18n()
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('office.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('office.col.code')}</th>
            <th scope="col">{t('office.col.procedure')}</th>
            <th scope="col">{t('office.col.applicant')}</th>
            <th scope="col">{t('office.col.status')}</th>
            <th scope="col">{t('office.col.due')}</th>
            <th scope="col">{t('office.col.urgency')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <td>
                <Link to={`/can-bo/ho-so/${encodeURIComponent(d.code ?? d.id)}`}>{d.code ?? t('office.noCode')}</Link>
              </td>
              <td>{d.procedureName}</td>
              <td>{d.applicantName}</td>
              <td>{tx(`status.${d.status}`)}</td>
              <td>{formatInstant(d.dueAt)}</td>
              <td>
                <Urgency value={d.urgency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function QueuePage({ grants }: { grants: Grant[] }) {
  const { t, tx, lang } = useI18n()
  const roleId = useId()
  const roles = [...new Set(grants.map((g) => g.role).filter((r) => queueRoles.includes(r)))]
  const [role, setRole] = useState(roles[0] ?? '')
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  useEffect(() => {
    if (!role) return
    let live = true
    setLoad({ state: 'loading' })
    api<{ items: QueueItem[] }>(`/api/queues/${role}`).then(
      ({ items }) => live && setLoad({ state: 'done', items }),
      (error: unknown) =>
        live && setLoad({ state: 'error', message: errorText(error, lang, t('common.networkError')) }),
    )
    return () => {
      live = false
    }
  }, [role, lang, t])
  if (!role)
    return (
      <>
        <h1>{t('office.title')}</h1>
        <p>{t('office.noRole')}</p>
      </>
    )
  const status =
    load.state === 'loading'
      ? t('common.loading')
      : load.state === 'error'
        ? load.message
        : load.items.length
          ? t('office.count', { total: load.items.length })
          : t('office.empty')
  return (
    <>
      <h1>{t('office.title')}</h1>
      {roles.length > 1 && (
        <div className="form-field">
          <label htmlFor={roleId}>{t('office.role')}</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {tx(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <p role="status" aria-live="polite" className={load.state === 'error' ? 'error' : undefined}>
        {status}
      </p>
      {load.state === 'done' && load.items.length > 0 && <QueueTable items={load.items} />}
    </>
  )
}
