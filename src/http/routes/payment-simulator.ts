import { randomInt } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { type Static, Type } from 'typebox'
import {
  canonicalQuery,
  refundAnswerChecksum,
  refundRequestChecksum,
  signParams,
  verifySignedQuery,
  vnpDate,
} from '../../adapters/payment/vnpay.ts'
import { demoVnpay } from '../../adapters/payment/vnpay-from-env.ts'
import { Permission } from '../../domain/access/route-permissions.ts'

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

const page = (body: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mô phỏng cổng thanh toán (bản trình diễn)</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.banner{background:#fff4ce;border:1px solid #e0b000;padding:.5rem .75rem;border-radius:4px}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{font-weight:600}
button{font-size:1rem;padding:.6rem 1rem;margin:.5rem .5rem 0 0;border-radius:4px;border:1px solid #555;cursor:pointer}
.ok{background:#0b6b2f;color:#fff;border-color:#0b6b2f}</style></head>
<body><p class="banner">Mô phỏng cổng thanh toán (bản trình diễn): không có giao dịch thật, không trừ tiền.</p>${body}</body></html>`

/** A signed order or form as the simulator receives it: `vnp_*` fields (and the clicked button). */
const SignedFields = Type.Record(Type.String(), Type.Unknown())
type SignedFields = Static<typeof SignedFields>

/** The `vnp_*` fields of a query or form, as strings. */
function vnpFields(input: SignedFields): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(input)) if (k.startsWith('vnp_') && typeof v === 'string') out[k] = v
  return out
}

/**
 * Mô phỏng cổng thanh toán: a stand-in for VNPay's sandbox on the embedded demo. It shows the signed
 * order; "Thanh toán thành công" or "Hủy giao dịch" first calls motcua's IPN server to server, then
 * sends the browser to vnp_ReturnUrl, both signed with the demo key, as VNPay does. It also answers
 * the refund API. Registered only when the demo is on.
 */
export const paymentSimulatorRoutes: FastifyPluginAsync<{ enabled: boolean }> = async (plugin, { enabled }) => {
  if (!enabled) return
  const app = plugin.withTypeProvider<TypeBoxTypeProvider>()
  const secret = demoVnpay.hashSecret
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  )

  app.get(
    demoVnpay.payPath,
    { config: { permission: Permission.Public }, schema: { hide: true, querystring: SignedFields } },
    async (request, reply) => {
      const order = vnpFields(request.query)
      if (!verifySignedQuery(secret, order) || order.vnp_TmnCode !== demoVnpay.tmnCode)
        return reply
          .code(400)
          .type('text/html; charset=utf-8')
          .send(page('<h1>Giao dịch không hợp lệ</h1><p>Chữ ký của yêu cầu thanh toán không đúng.</p>'))
      const amount = new Intl.NumberFormat('vi-VN').format(Number(order.vnp_Amount) / 100)
      const hidden = Object.entries(order)
        .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
        .join('')
      return reply.type('text/html; charset=utf-8').send(
        page(`<h1>Thanh toán</h1>
<dl><dt>Số tiền</dt><dd>${escapeHtml(amount)} đồng</dd>
<dt>Nội dung</dt><dd>${escapeHtml(order.vnp_OrderInfo ?? '')}</dd>
<dt>Mã giao dịch</dt><dd>${escapeHtml(order.vnp_TxnRef ?? '')}</dd></dl>
<form method="post" action="${demoVnpay.payPath}/ket-qua">${hidden}
<button class="ok" name="ket_qua" value="thanh-cong">Thanh toán thành công</button>
<button name="ket_qua" value="huy">Hủy giao dịch</button></form>`),
      )
    },
  )

  app.post(
    `${demoVnpay.payPath}/ket-qua`,
    { config: { permission: Permission.Public }, schema: { hide: true, body: SignedFields } },
    async (request, reply) => {
      const form = request.body
      const order = vnpFields(form)
      if (!verifySignedQuery(secret, order) || !order.vnp_ReturnUrl)
        return reply.code(400).type('text/html; charset=utf-8').send(page('<h1>Giao dịch không hợp lệ</h1>'))
      const paid = form.ket_qua === 'thanh-cong'
      const result: Record<string, string> = {
        vnp_Amount: order.vnp_Amount ?? '',
        vnp_BankCode: 'NCB',
        vnp_CardType: 'ATM',
        vnp_OrderInfo: order.vnp_OrderInfo ?? '',
        vnp_PayDate: vnpDate(new Date()),
        vnp_ResponseCode: paid ? '00' : '24',
        vnp_TmnCode: order.vnp_TmnCode ?? '',
        vnp_TransactionNo: paid ? String(randomInt(10_000_000, 99_999_999)) : '0',
        vnp_TransactionStatus: paid ? '00' : '02',
        vnp_TxnRef: order.vnp_TxnRef ?? '',
      }
      const signed = `${canonicalQuery(result)}&vnp_SecureHash=${signParams(secret, result)}`
      // motcua's IPN on this very server, over loopback, as VNPay would call it from outside.
      const ipn = `http://127.0.0.1:${request.socket.localPort}/api/payments/vnpay/ipn?${signed}`
      await fetch(ipn, { signal: AbortSignal.timeout(10_000) }).catch((error: Error) =>
        request.log.warn({ err: error }, 'simulated IPN failed'),
      )
      const target = order.vnp_ReturnUrl
      return reply.redirect(`${target}${target.includes('?') ? '&' : '?'}${signed}`, 303)
    },
  )

  app.post(
    demoVnpay.apiPath,
    { config: { permission: Permission.Public }, schema: { hide: true, body: SignedFields } },
    async (request) => {
      const body = request.body
      const valid =
        body.vnp_Command === 'refund' &&
        body.vnp_TmnCode === demoVnpay.tmnCode &&
        body.vnp_SecureHash === refundRequestChecksum(secret, body)
      const answer: Record<string, string> = {
        vnp_ResponseId: String(randomInt(10_000_000, 99_999_999)),
        vnp_Command: 'refund',
        vnp_ResponseCode: valid ? '00' : '97',
        vnp_Message: valid ? 'Refund success' : 'Invalid Checksum',
        vnp_TmnCode: demoVnpay.tmnCode,
        vnp_TxnRef: String(body.vnp_TxnRef ?? ''),
        vnp_Amount: String(body.vnp_Amount ?? ''),
        vnp_BankCode: 'NCB',
        vnp_PayDate: vnpDate(new Date()),
        vnp_TransactionNo: String(body.vnp_TransactionNo ?? ''),
        vnp_TransactionType: String(body.vnp_TransactionType ?? ''),
        vnp_TransactionStatus: valid ? '05' : '',
        vnp_OrderInfo: String(body.vnp_OrderInfo ?? ''),
      }
      return { ...answer, vnp_SecureHash: refundAnswerChecksum(secret, answer) }
    },
  )
}
