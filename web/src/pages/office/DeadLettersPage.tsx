import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import type { Answer } from '../../api/types.ts'
import { type MessageKey, useI18n } from '../../i18n/messages.ts'
import { Link } from '../../router.tsx'

type DeadLetter = Answer<'/api/outbox/dead-letters', 'get'>['deadLetters'][number]
const deadLettersKey = ['dead-letters']

/** The partners the relay delivers to (src/jobs/consumers-from-env.ts), by their consumer names. */
const partnerKeys: Record<string, MessageKey> = {
  'national-portal': 'deadLetters.partner.nationalPortal',
  notifications: 'deadLetters.partner.notifications',
  'payment-refunds': 'deadLetters.partner.refunds',
  'signed-documents': 'deadLetters.partner.signedDocuments',
}

/** Provincial administrators: the outbox deliveries that gave up, and re-sending them. */
export function DeadLettersPage() {
  const { t, lang, formatInstant } = useI18n()
  const rowId = useId()
  const queries = useQueryClient()
  const list = useQuery({ queryKey: deadLettersKey, queryFn: () => ok(client.GET('/api/outbox/dead-letters')) })
  const letters = list.data?.deadLetters ?? null
  const [message, setMessage] = useState('')
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)

  const partner = useCallback(
    (consumer: string) => {
      const key = partnerKeys[consumer]
      if (key) return t(key)
      if (consumer.startsWith('webhook:')) return t('deadLetters.partner.webhook', { id: consumer.slice(8) })
      return consumer
    },
    [t],
  )

  const load = () => queries.invalidateQueries({ queryKey: deadLettersKey })

  const redrive = async (letter: DeadLetter) => {
    const key = `${letter.consumer}/${letter.messageId}`
    const what = { partner: partner(letter.consumer), dossier: letter.code ?? letter.dossierId.slice(0, 8) }
    setBusy(key)
    setFailed(false)
    setMessage(t('deadLetters.working'))
    try {
      await ok(
        client.POST('/api/outbox/dead-letters/{consumer}/{messageId}/redrive', {
          params: { path: { consumer: letter.consumer, messageId: letter.messageId } },
        }),
      )
      await load()
      setMessage(t('deadLetters.redriven', what))
    } catch (error) {
      setFailed(true)
      setMessage(t('deadLetters.failed', { ...what, message: errorText(error, lang, t('common.networkError')) }))
      await load()
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      <h1>{t('deadLetters.title')}</h1>
      <p>{t('deadLetters.intro')}</p>
      <Announcement failed={failed} className="result">
        {message}
      </Announcement>
      {!letters ? (
        <Announcement failed={list.isError}>
          {list.isError ? errorText(list.error, lang, t('common.networkError')) : t('common.loading')}
        </Announcement>
      ) : letters.length === 0 ? (
        <p>{t('deadLetters.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="dead-letters">
            <caption>{t('deadLetters.caption', { count: letters.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deadLetters.col.partner')}</th>
                <th scope="col">{t('deadLetters.col.dossier')}</th>
                <th scope="col">{t('deadLetters.col.topic')}</th>
                <th scope="col">{t('deadLetters.col.createdAt')}</th>
                <th scope="col">{t('deadLetters.col.attempts')}</th>
                <th scope="col">{t('deadLetters.col.error')}</th>
                <th scope="col">{t('deadLetters.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((l, i) => {
                const key = `${l.consumer}/${l.messageId}`
                const headId = `${rowId}-${i}`
                return (
                  <tr key={key}>
                    <th scope="row" id={headId}>
                      {partner(l.consumer)}
                    </th>
                    <td>
                      <Link to={`/can-bo/ho-so/${encodeURIComponent(l.code ?? l.dossierId)}`}>
                        {l.code ?? t('deadLetters.uncoded', { id: l.dossierId.slice(0, 8) })}
                      </Link>
                    </td>
                    <td>
                      <code>{l.topic}</code>
                    </td>
                    <td>
                      <time dateTime={l.createdAt}>{formatInstant(l.createdAt)}</time>
                    </td>
                    <td>{l.attempts}</td>
                    <td className="dead-letter-error">{l.lastError ?? t('common.none')}</td>
                    <td>
                      <button
                        type="button"
                        aria-describedby={headId}
                        disabled={busy !== null}
                        onClick={() => void redrive(l)}
                      >
                        {busy === key ? t('deadLetters.redriving') : t('deadLetters.redrive')}
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
