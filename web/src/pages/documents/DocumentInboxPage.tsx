import { useQuery } from '@tanstack/react-query'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { Link } from '../../router.tsx'

/** Hộp văn bản: drafts in progress and incoming documents not yet finished, of the officer's agencies. */
export function DocumentInboxPage({ drafts }: { drafts: boolean }) {
  const { t, tx, lang } = useI18n()
  usePageHead(t('doc.inbox.title'), t('doc.inbox.title'))
  const inbox = useQuery({ queryKey: ['document-inbox'], queryFn: () => ok(client.GET('/api/documents/inbox')) })
  return (
    <>
      <h1>{t('doc.inbox.title')}</h1>
      <p>
        {drafts && (
          <>
            <Link to="/can-bo/van-ban/soan-thao">{t('doc.draft.link')}</Link>
            {' · '}
          </>
        )}
        <Link to="/can-bo/so-van-ban/outgoing">{t('doc.register.outgoing')}</Link>
        {' · '}
        <Link to="/can-bo/so-van-ban/incoming">{t('doc.register.incoming')}</Link>
      </p>
      {inbox.isError && (
        <p role="alert" className="error">
          {errorText(inbox.error, lang, t('common.networkError'))}
        </p>
      )}
      {inbox.data && inbox.data.items.length === 0 && <p role="status">{t('doc.inbox.empty')}</p>}
      {inbox.data && inbox.data.items.length > 0 && (
        <table>
          <caption>{t('doc.inbox.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('doc.subject')}</th>
              <th scope="col">{t('doc.type')}</th>
              <th scope="col">{t('doc.notation')}</th>
              <th scope="col">{t('doc.status')}</th>
              <th scope="col">{t('doc.urgency')}</th>
            </tr>
          </thead>
          <tbody>
            {inbox.data.items.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={`/can-bo/van-ban/${d.id}`}>{d.subject}</Link>
                </td>
                <td>
                  {tx(`doc.direction.${d.direction}`)}: {d.typeName}
                </td>
                <td>{d.notation ?? '—'}</td>
                <td>{tx(`doc.status.${d.status}`)}</td>
                <td>{tx(`doc.urgency.${d.urgency}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
