import { useQuery } from '@tanstack/react-query'
import { agencyTreeQuery } from '../../api/agencies.ts'
import type { Answer } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'
import { agencyChoices } from '../petition-agencies.ts'

type Delivery = Answer<'/api/documents/{id}', 'get'>['deliveries'][number]

/**
 * Quá trình gửi nhận: each recipient of an issued document with its steps in the axis's codes — read
 * from a motcua recipient's register, or reported over the national axis by one outside.
 */
export function DeliveryStatus({ deliveries }: { deliveries: readonly Delivery[] }) {
  const { t, tx, formatInstant } = useI18n()
  const agencies = useQuery(agencyTreeQuery)
  if (deliveries.length === 0) return null
  const names = new Map(agencyChoices(agencies.data ?? []).map((a) => [a.id, a.name]))
  const nameOf = (d: Delivery) => (d.kind === 'agency' ? (names.get(d.agencyId) ?? d.agencyId) : d.name)
  return (
    <section aria-labelledby="delivery-trail">
      <h2 id="delivery-trail">{t('doc.delivery.title')}</h2>
      {deliveries.map((d) => (
        <section key={d.kind === 'agency' ? d.agencyId : d.code} aria-label={nameOf(d)}>
          <h3>
            {nameOf(d)} ({tx(`doc.delivery.channel.${d.kind}`)})
          </h3>
          {d.steps.length === 0 ? (
            <p>{t('doc.delivery.none')}</p>
          ) : (
            <ol>
              {d.steps.map((s) => (
                <li key={`${s.code}-${s.at}`}>
                  {formatInstant(s.at)} — {s.code} {tx(`doc.delivery.status.${s.code}`)}
                  {s.description ? `: ${s.description}` : ''}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </section>
  )
}
