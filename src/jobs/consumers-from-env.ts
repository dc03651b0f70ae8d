import { smtpMailerFromEnv } from '../adapters/mail/smtp-mailer.ts'
import { portalClient } from '../adapters/national-portal/portal-client.ts'
import { vnpayGateway } from '../adapters/payment/vnpay.ts'
import { vnpayConfigFromEnv } from '../adapters/payment/vnpay-from-env.ts'
import { smsGatewayFromEnv } from '../adapters/sms/sms-gateway.ts'
import type { FileStorage } from '../adapters/storage/file-storage.ts'
import type { DecisionContext } from '../domain/dossier/context.ts'
import type { Db } from '../store/database.ts'
import { paymentRefundConsumer, refundPolicyFromEnv } from '../store/payments/refunds.ts'
import { nationalPortalConsumer } from '../store/portal/portal-sync.ts'
import type { Consumer } from './consumer.ts'
import { notificationConsumer, receiptFromForms } from './notifications-consumer.ts'
import { signedDocumentsConsumer } from './signed-documents-consumer.ts'
import { loadWebhookConsumers } from './webhook-consumer.ts'

/**
 * The partners the relay delivers to, as configured: motcua's own signed documents (always), refunds
 * of online payments after a withdrawal (when online payment is on), webhooks of integration clients (always), the
 * national portal when PORTAL_BASE_URL and PORTAL_API_KEY are set, applicant notifications when both
 * SMTP_URL and SMS_GATEWAY_URL are set. Webhook subscriptions are read again each round.
 */
export function consumersFromEnv(
  db: Db,
  env: NodeJS.ProcessEnv,
  local: { storage: FileStorage; calendars: () => Promise<DecisionContext['calendar']>; demo?: boolean },
): () => Promise<readonly Consumer[]> {
  const publicBaseUrl = env.PUBLIC_BASE_URL ?? 'http://localhost:3000'
  const fixed: Consumer[] = [signedDocumentsConsumer({ db, storage: local.storage, calendars: local.calendars })]
  const payments = vnpayConfigFromEnv(env, { on: local.demo ?? false, baseUrl: publicBaseUrl })
  if (payments)
    fixed.push(
      paymentRefundConsumer({
        db,
        gateway: vnpayGateway(payments),
        policy: refundPolicyFromEnv(env),
        now: () => new Date(),
      }),
    )
  if (env.PORTAL_BASE_URL && env.PORTAL_API_KEY)
    fixed.push(
      nationalPortalConsumer({
        db,
        client: portalClient({ baseUrl: env.PORTAL_BASE_URL, apiKey: env.PORTAL_API_KEY }),
        publicBaseUrl,
      }),
    )
  const mailer = smtpMailerFromEnv(env)
  const sms = smsGatewayFromEnv(env)
  if (mailer && sms)
    fixed.push(
      notificationConsumer({ db, mailer, sms, publicBaseUrl, renderReceipt: receiptFromForms(db, publicBaseUrl) }),
    )
  const source = `urn:motcua:${new URL(publicBaseUrl).host}`
  return async () => [...fixed, ...(await loadWebhookConsumers(db, { source }))]
}
