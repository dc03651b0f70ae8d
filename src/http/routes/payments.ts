import type { FastifyPluginAsync } from 'fastify'
import { type Static, Type } from 'typebox'
import { renderEReceipt } from '../../adapters/payment/e-receipt.ts'
import type { PaymentGateway } from '../../adapters/payment/payment-gateway.ts'
import { type VnpayConfig, vnpayGateway } from '../../adapters/payment/vnpay.ts'
import { vnpayConfigFromEnv } from '../../adapters/payment/vnpay-from-env.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { canReadDossier, Permission } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { applyIpn, requestPayment, verifyReturn } from '../../store/payments/payments.ts'
import { eReceiptOf } from '../../store/payments/receipts.ts'
import { problem, sendProblem } from '../problem.ts'

export type PaymentRouteOptions = {
  db: Db
  now: () => Date
  /** The embedded demo: without VNPAY_* settings, pay at the local simulator. */
  demo: boolean
  /** Public address of the site, for the gateway's return URL. */
  publicBaseUrl: string
  /** The gateway; by default VNPay as configured by the environment (null: online payment off). */
  gateway?: PaymentGateway | null
  /** VNPay as configured (`VNPAY_*`); absent or null: the simulator in the demo, else none. */
  vnpay?: VnpayConfig | null
}

const returnPath = '/api/payments/vnpay/return'
const Ref = Type.Object({ ref: Type.String({ pattern: '^[A-Za-z0-9.-]+$', maxLength: 80 }) })
const ReceiptParams = Type.Object({
  ref: Type.String({ pattern: '^[A-Za-z0-9.-]+$', maxLength: 80 }),
  id: Type.String({ maxLength: 100, description: 'The payment id' }),
})
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)
const problems = {
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
  503: Type.Ref('Problem'),
}

/**
 * Thanh toán trực tuyến phí, lệ phí (rules.md §8): the applicant's payment request, the gateway's
 * browser return and its signed server-to-server callback (IPN), and the e-receipt.
 */
export const paymentRoutes: FastifyPluginAsync<PaymentRouteOptions> = async (app, options) => {
  const { db, now } = options
  const config = vnpayConfigFromEnv(options.vnpay ?? null, { on: options.demo, baseUrl: options.publicBaseUrl })
  const gateway = options.gateway !== undefined ? options.gateway : config && vnpayGateway(config)
  // The simulator runs on this very server, wherever it listens; a real gateway needs the full address.
  const returnUrl = config?.payUrl.startsWith('/') ? returnPath : new URL(returnPath, options.publicBaseUrl).toString()

  app.post(
    '/api/dossiers/:ref/online-payments',
    {
      config: { permission: Permission.DossierRead },
      schema: {
        operationId: 'startOnlinePayment',
        tags: ['dossiers'],
        summary:
          'Thanh toán trực tuyến phí, lệ phí của hồ sơ (chủ hồ sơ) / Pay the dossier fees online (its applicant): the gateway URL',
        params: Ref,
        response: { 201: Type.Object({ paymentId: Type.String(), paymentUrl: Type.String() }), ...problems },
      },
    },
    async (request, reply) => {
      const principal = request.principal as Principal
      const found = await loadDossier(db, (request.params as Static<typeof Ref>).ref)
      if (!found) return sendProblem(reply, problem('dossierNotFound', 404))
      if (principal.kind !== 'citizen' || !canReadDossier(principal, found.state))
        return sendProblem(reply, problem('forbidden', 403))
      if (!gateway) return sendProblem(reply, problem('paymentUnavailable', 503))
      const created = await requestPayment(db, gateway, {
        dossierId: found.id,
        returnUrl,
        ipAddr: request.ip,
        now: now(),
      })
      if (!created.ok)
        return created.reason === 'not-found'
          ? sendProblem(reply, problem('dossierNotFound', 404))
          : sendProblem(reply, problem('paymentNotAwaited', 422))
      return reply.code(201).send({ paymentId: created.paymentId, paymentUrl: created.paymentUrl })
    },
  )

  app.get(
    '/api/dossiers/:ref/online-payments/:id/receipt',
    {
      config: { permission: Permission.DossierRead },
      schema: {
        operationId: 'getPaymentReceipt',
        tags: ['dossiers'],
        summary: 'Biên lai điện tử (PDF) / The e-receipt of an online payment',
        params: ReceiptParams,
      },
    },
    async (request, reply) => {
      const principal = request.principal as Principal
      const { ref, id } = request.params as Static<typeof ReceiptParams>
      const found = await loadDossier(db, ref)
      if (!found) return sendProblem(reply, problem('dossierNotFound', 404))
      if (!canReadDossier(principal, found.state)) return sendProblem(reply, problem('forbidden', 403))
      const receipt = isUuid(id) ? await eReceiptOf(db, found.id, id) : null
      if (!receipt) return sendProblem(reply, problem('paymentNotFound', 404))
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="bien-lai-${receipt.receiptNo}.pdf"`)
        .send(await renderEReceipt(receipt))
    },
  )

  app.get(
    returnPath,
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'returnFromVnpay',
        tags: ['dossiers'],
        summary:
          'Cổng thanh toán chuyển trình duyệt về (chỉ hiển thị kết quả) / Browser return from the gateway: shows the outcome, changes nothing',
      },
    },
    async (request, reply) => {
      if (!gateway) return sendProblem(reply, problem('paymentUnavailable', 503))
      const outcome = await verifyReturn(db, gateway, request.query as Record<string, unknown>, now())
      if (!outcome) return sendProblem(reply, problem('paymentCallbackInvalid', 400))
      const result = outcome.succeeded ? 'thanh-cong' : 'khong-thanh-cong'
      return reply.redirect(`/ho-so-cua-toi/${outcome.dossierId}?thanh-toan=${result}`, 303)
    },
  )

  app.get(
    '/api/payments/vnpay/ipn',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'receiveVnpayIpn',
        tags: ['dossiers'],
        summary:
          'Thông báo kết quả thanh toán từ cổng VNPay (IPN, xác thực bằng chữ ký) / VNPay server-to-server callback, authenticated by its signature',
        response: { 200: Type.Object({ RspCode: Type.String(), Message: Type.String() }) },
      },
    },
    async (request) => {
      if (!gateway) return { RspCode: '99', Message: 'Payment gateway not configured' }
      return applyIpn(db, gateway, request.query as Record<string, unknown>, now())
    },
  )
}
