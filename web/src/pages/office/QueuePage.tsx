import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import type { paths } from '../../api/schema.gen.ts'
import type { Answer } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'
import { Link } from '../../router.tsx'
import type { Grant } from '../../session.tsx'
import { Urgency } from './urgency.tsx'

type QueueRole = paths['/api/queues/{role}']['get']['parameters']['path']['role']
type QueueItem = Answer<'/api/queues/{role}', 'get'>['items'][number]

/** The roles with a work queue: exactly the API's enumeration of the path parameter (checked by the type). */
const queueRoles = Object.keys({ counter_officer: 1, specialist: 1, leader: 1, clerk: 1 } satisfies Record<
  QueueRole,
  1
>) as QueueRole[]
const isQueueRole = (role: string): role is QueueRole => (queueRoles as string[]).includes(role)

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
                {d.alert && (
                  <span className="deadline-alert">
                    <span aria-hidden="true"> 🔔 </span>
                    {tx(`alert.${d.alert}`)}
                  </span>
                )}
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
  const roles = [...new Set(grants.map((g) => g.role).filter(isQueueRole))]
  const [role, setRole] = useState<QueueRole | undefined>(roles[0])
  const load = useQuery({
    queryKey: ['queue', role],
    queryFn: () =>
      ok(client.GET('/api/queues/{role}', { params: { path: { role: role as QueueRole }, query: { limit: 100 } } })),
    enabled: role !== undefined,
  })
  if (!role)
    return (
      <>
        <h1>{t('office.title')}</h1>
        <p>{t('office.noRole')}</p>
      </>
    )
  const items = load.data?.items
  const status = load.isError
    ? errorText(load.error, lang, t('common.networkError'))
    : !items
      ? t('common.loading')
      : items.length
        ? t('office.count', { total: items.length })
        : t('office.empty')
  return (
    <>
      <h1>{t('office.title')}</h1>
      {roles.length > 1 && (
        <div className="form-field">
          <label htmlFor={roleId}>{t('office.role')}</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as QueueRole)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {tx(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <Announcement failed={load.isError}>{status}</Announcement>
      {items && items.length > 0 && <QueueTable items={items} />}
    </>
  )
}
