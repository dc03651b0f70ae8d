import { randomUUID } from 'node:crypto'
import { smtpMailerFromEnv } from '../adapters/mail/smtp-mailer.ts'
import { inboundClient } from '../adapters/national-portal/inbound-client.ts'
import { portalClient } from '../adapters/national-portal/portal-client.ts'
import { vnpayGateway } from '../adapters/payment/vnpay.ts'
import { vnpayConfigFromEnv } from '../adapters/payment/vnpay-from-env.ts'
import { smsGatewayFromEnv } from '../adapters/sms/sms-gateway.ts'
import type { FileStorage } from '../adapters/storage/file-storage.ts'
import type { Config } from '../config/config.ts'
import type { DecisionContext } from '../domain/dossier/context.ts'
import type { Db } from '../store/database.ts'
import type { Consumer } from './consumer.ts'
import { documentAxisConsumer } from './document-axis-consumer.ts'
import type { DocumentAxisWiring } from './document-axis-from-env.ts'
import { documentsExchangeConsumer } from './documents-exchange-consumer.ts'
import { nationalPortalConsumer } from './national-portal-consumer.ts'
import { notificationConsumer, receiptFromForms } from './notifications-consumer.ts'
import { paymentRefundConsumer } from './payment-refunds-consumer.ts'
import { portalIntakeConsumer } from './portal-intake-consumer.ts'
import { portalPetitionsConsumer } from './portal-petitions-consumer.ts'
import { portalRefusalConsumer } from './portal-refusal-consumer.ts'
import { signedDocumentsConsumer } from './signed-documents-consumer.ts'
import { surveyInvitationConsumer } from './survey-invitations-consumer.ts'
import { loadWebhookConsumers } from './webhook-consumer.ts'

/**
 * The partners the relay delivers to, as configured: motcua's own signed documents (always), refunds
 * of online payments after a withdrawal (when online payment is on), webhooks of integration clients (always), the
 * national portal when PORTAL_BASE_URL and PORTAL_API_KEY are set (and its acknowledgement of inbound dossiers with PORTAL_INBOUND_MODE), applicant notifications and survey
 * invitations when both SMTP_URL and SMS_GATEWAY_URL are set, the national document axis (issued
 * documents packaged, then sent) when DOCUMENT_AXIS_… is configured. Webhook subscriptions are read again each round. Every
 * partner call is one attempt within `partnerTimeoutMs`, below the relay's lease: the relay retries.
 */
export function consumersFromEnv(
  db: Db,
  config: Config,
  local: {
    storage: FileStorage
    calendars: () => Promise<DecisionContext['calendar']>
    axis?: DocumentAxisWiring | null
  },
): () => Promise<readonly Consumer[]> {
  const { publicBaseUrl } = config.http
  const timeoutMs = config.partnerTimeoutMs
  const fixed: Consumer[] = [signedDocumentsConsumer({ db, storage: local.storage })]
  const payments = vnpayConfigFromEnv(config.vnpay, { on: config.demo, baseUrl: publicBaseUrl }, timeoutMs)
  if (payments)
    fixed.push(
      paymentRefundConsumer({
        db,
        gateway: vnpayGateway(payments),
        policy: { refundOnWithdrawal: config.refundOnWithdrawal },
        now: () => new Date(),
      }),
    )
  if (config.portal)
    fixed.push(nationalPortalConsumer({ db, client: portalClient({ ...config.portal, timeoutMs }), publicBaseUrl }))
  // Dossiers taken in from the national portal are acknowledged to it once created (status 1), and
  // the ones motcua refused are reported to it with the reason.
  if (config.portal && config.portalInbound) {
    const inbound = inboundClient({ ...config.portal, timeoutMs })
    fixed.push(portalIntakeConsumer({ db, client: inbound, now: () => new Date() }))
    fixed.push(portalRefusalConsumer({ db, client: inbound, now: () => new Date() }))
    // Petitions from the national portal have their answer or refusal reported back.
    fixed.push(portalPetitionsConsumer({ db, client: inbound }))
  }
  const mailer = smtpMailerFromEnv(config.mail, timeoutMs)
  const sms = smsGatewayFromEnv(config.sms, timeoutMs)
  if (mailer && sms)
    fixed.push(
      notificationConsumer({ db, mailer, sms, publicBaseUrl, renderReceipt: receiptFromForms(db, publicBaseUrl) }),
    )
  if (mailer && sms) fixed.push(surveyInvitationConsumer({ mailer, sms }))
  if (local.axis) {
    const now = () => new Date()
    fixed.push(documentsExchangeConsumer({ db, now, newId: randomUUID, signer: local.axis.signer }))
    fixed.push(documentAxisConsumer({ db, client: local.axis.client, now }))
  }
  const source = `urn:motcua:${new URL(publicBaseUrl).host}`
  return async () => [...fixed, ...(await loadWebhookConsumers(db, { source, timeoutMs }))]
}
