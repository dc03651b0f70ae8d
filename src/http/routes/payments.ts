import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { PaymentGateway } from '../../adapters/payment/payment-gateway.ts'
import { ipnAnswer, type VnpayConfig, vnpayGateway } from '../../adapters/payment/vnpay.ts'
import { vnpayConfigFromEnv } from '../../adapters/payment/vnpay-from-env.ts'
import { eReceiptPdf } from '../../app/payments/e-receipt-pdf.ts'
import { handlePaymentIpn } from '../../app/payments/handle-payment-ipn.ts'
import { requestOnlinePayment } from '../../app/payments/request-online-payment.ts'
import { returnFromGateway } from '../../app/payments/return-from-gateway.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

export type PaymentRouteOptions = {
  db: Db
  now: () => Date
  /** The lifecycle engine: a confirmed payment is recorded on the dossier in the IPN's transaction. */
  engine: ReturnType<typeof dossierCommands>
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
const DossierRef = Type.String({
  pattern: '^[A-Za-z0-9.-]+$',
  maxLength: 80,
  description: 'Dossier code, or its id before reception',
})
const Ref = Type.Object({ ref: DossierRef })
const ReceiptParams = Type.Object({
  ref: DossierRef,
  id: Type.String({ maxLength: 100, description: 'The payment id' }),
})
/**
 * A gateway's signed callback: its `vnp_*` fields as sent. Not described by a schema: the gateway's
 * signature is the check (a repeated field is refused as malformed), and the answer is in its terms.
 */
type GatewayCallback = { Querystring: Readonly<Record<string, string | string[] | undefined>> }
const IpnReply = Type.Object({
  RspCode: Type.String({ description: 'VNPay answer code: 00 confirmed, 01 unknown order, 02 already confirmed, …' }),
  Message: Type.String({ description: 'VNPay answer text' }),
})
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
export const paymentRoutes: FastifyPluginAsync<PaymentRouteOptions> = async (plugin, options) => {
  const app = plugin.withTypeProvider<TypeBoxTypeProvider>()
  const { db, now, engine } = options
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
        response: {
          201: Type.Object({
            paymentId: Type.String({ description: 'The payment attempt' }),
            paymentUrl: Type.String({ description: 'Where the applicant pays, signed for the gateway' }),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const created = await requestOnlinePayment({ db, gateway }, callerOf(request), {
        ref: request.params.ref,
        returnUrl,
        ipAddr: request.ip,
        now: now(),
      })
      if (created.ok) return reply.code(201).send({ paymentId: created.paymentId, paymentUrl: created.paymentUrl })
      switch (created.reason) {
        case 'not-found':
          return sendProblem(reply, problem('dossierNotFound', 404))
        case 'forbidden':
          return sendProblem(reply, problem('forbidden', 403))
        case 'unavailable':
          return sendProblem(reply, problem('paymentUnavailable', 503))
        case 'not-awaiting-payment':
          return sendProblem(reply, problem('paymentNotAwaited', 422))
      }
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
      const receipt = await eReceiptPdf(db, callerOf(request), request.params.ref, request.params.id)
      if (receipt.ok)
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="bien-lai-${receipt.receiptNo}.pdf"`)
          .send(receipt.pdf)
      switch (receipt.reason) {
        case 'dossier-not-found':
          return sendProblem(reply, problem('dossierNotFound', 404))
        case 'forbidden':
          return sendProblem(reply, problem('forbidden', 403))
        case 'payment-not-found':
          return sendProblem(reply, problem('paymentNotFound', 404))
      }
    },
  )

  app.get<GatewayCallback>(
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
      const outcome = await returnFromGateway({ db, gateway }, request.query, now())
      if (!outcome) return sendProblem(reply, problem('paymentCallbackInvalid', 400))
      const result = outcome.succeeded ? 'thanh-cong' : 'khong-thanh-cong'
      return reply.redirect(`/ho-so-cua-toi/${outcome.dossierId}?thanh-toan=${result}`, 303)
    },
  )

  app.get<GatewayCallback>(
    '/api/payments/vnpay/ipn',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'receiveVnpayIpn',
        tags: ['dossiers'],
        summary:
          'Thông báo kết quả thanh toán từ cổng VNPay (IPN, xác thực bằng chữ ký) / VNPay server-to-server callback, authenticated by its signature',
        response: { 200: IpnReply },
      },
    },
    async (request) => {
      if (!gateway) return { RspCode: '99', Message: 'Payment gateway not configured' }
      const outcome = await handlePaymentIpn({ db, gateway, engine }, request.query, now())
      return ipnAnswer(outcome.verdict)
    },
  )
}
