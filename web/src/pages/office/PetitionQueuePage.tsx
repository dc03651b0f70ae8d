import { useQuery } from '@tanstack/react-query'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { Link } from '../../router.tsx'

/** Hàng đợi phản ánh, kiến nghị: the open petitions of the officer's agencies, soonest due first. */
export function PetitionQueuePage() {
  const { t, tx, lang, formatInstant } = useI18n()
  usePageHead(t('petition.queue.title'), t('petition.queue.title'))
  const queue = useQuery({ queryKey: ['petition-queue'], queryFn: () => ok(client.GET('/api/petitions/queue')) })
  return (
    <>
      <h1>{t('petition.queue.title')}</h1>
      {queue.isError && (
        <p role="alert" className="error">
          {errorText(queue.error, lang, t('common.networkError'))}
        </p>
      )}
      {queue.data && queue.data.items.length === 0 && <p role="status">{t('petition.queue.empty')}</p>}
      {queue.data && queue.data.items.length > 0 && (
        <table>
          <caption>{t('petition.queue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('petition.code')}</th>
              <th scope="col">{t('petition.subject')}</th>
              <th scope="col">{t('petition.status')}</th>
              <th scope="col">{t('petition.due')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.items.map((p) => (
              <tr key={p.code}>
                <td>
                  <Link to={`/can-bo/phan-anh-kien-nghi/${p.code}`}>{p.code}</Link>
                </td>
                <td>{p.title}</td>
                <td>{tx(`petition.status.${p.status}`)}</td>
                <td>{formatInstant(p.dueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
