import { useQuery } from '@tanstack/react-query'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { Link } from '../../router.tsx'
import { DeliveryStatus } from './DeliveryStatus.tsx'
import { DocumentActions } from './DocumentActions.tsx'

/** Một văn bản: what it states, its trail, the signed PDF and the forms of the caller's next steps. */
export function DocumentPage({ id }: { id: string }) {
  const { t, tx, lang, formatInstant } = useI18n()
  const view = useQuery({
    queryKey: ['document', id],
    queryFn: () => ok(client.GET('/api/documents/{id}', { params: { path: { id } } })),
  })
  usePageHead(view.data?.document.subject ?? t('doc.inbox.title'), t('doc.inbox.title'))
  if (view.isError)
    return (
      <p role="alert" className="error">
        {errorText(view.error, lang, t('common.networkError'))}
      </p>
    )
  if (!view.data) return <p role="status">{t('common.loading')}</p>
  const { document: d, trail, deliveries } = view.data
  return (
    <>
      <h1>{d.subject}</h1>
      <dl>
        <dt>{t('doc.type')}</dt>
        <dd>
          {tx(`doc.direction.${d.direction}`)}: {d.typeName}
        </dd>
        <dt>{t('doc.status')}</dt>
        <dd>{tx(`doc.status.${d.status}`)}</dd>
        <dt>{t('doc.notation')}</dt>
        <dd>{d.notation ?? '—'}</dd>
        <dt>{t('doc.number')}</dt>
        <dd>{d.number ?? '—'}</dd>
        <dt>{t('doc.date')}</dt>
        <dd>{d.date ?? '—'}</dd>
        <dt>{t('doc.urgency')}</dt>
        <dd>{tx(`doc.urgency.${d.urgency}`)}</dd>
        <dt>{t('doc.confidentiality')}</dt>
        <dd>{tx(`doc.confidentiality.${d.confidentiality}`)}</dd>
        {d.outgoing?.signerName && (
          <>
            <dt>{t('doc.signer')}</dt>
            <dd>{d.outgoing.signerName}</dd>
          </>
        )}
        {d.incoming && (
          <>
            <dt>{t('doc.sender')}</dt>
            <dd>{d.incoming.senderName}</dd>
            <dt>{t('doc.signer')}</dt>
            <dd>{d.incoming.signerName}</dd>
            <dt>{t('doc.due')}</dt>
            <dd>{d.incoming.dueOn ?? '—'}</dd>
            {d.incoming.replacesId && (
              <>
                <dt>{t('doc.replaces')}</dt>
                <dd>
                  <Link to={`/can-bo/van-ban/${d.incoming.replacesId}`}>{t('doc.replaces')}</Link>
                </dd>
              </>
            )}
            {d.incoming.supersededById && (
              <>
                <dt>{t('doc.supersededBy')}</dt>
                <dd>
                  <Link to={`/can-bo/van-ban/${d.incoming.supersededById}`}>{t('doc.supersededBy')}</Link>
                </dd>
              </>
            )}
          </>
        )}
        {d.outgoing?.returnNote && (
          <>
            <dt>{t('doc.returnNote')}</dt>
            <dd>{d.outgoing.returnNote}</dd>
          </>
        )}
      </dl>
      {d.outgoing && <p className="document-body">{d.outgoing.body}</p>}
      {d.hasPdf && (
        <p>
          <a href={`/api/documents/${d.id}/pdf`}>{t('doc.pdf')}</a>
        </p>
      )}
      {d.direction === 'incoming' && d.availableActions.includes('answer') && (
        <p>
          <Link to={`/can-bo/van-ban/soan-thao?tra-loi=${d.id}`}>{t('doc.reply')}</Link>
        </p>
      )}
      <DocumentActions id={d.id} actions={d.availableActions} version={d.version} />
      <DeliveryStatus deliveries={deliveries} />
      <h2>{t('doc.trail')}</h2>
      <ol>
        {trail.map((e) => (
          <li key={`${e.type}-${e.at}`}>
            {formatInstant(e.at)} — {tx(`doc.event.${e.type}`)}
            {e.note ? `: ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </>
  )
}
