import { createHmac, timingSafeEqual } from 'node:crypto'
import { IpnVerdict } from '../../domain/payments/ipn-verdict.ts'
import type { CallbackVerdict, PaymentGateway, PaymentOrder, RefundRequest, RefundResult } from './payment-gateway.ts'

/**
 * VNPay payment gateway, protocol version 2.1.0 (the merchant integration guide and its Node.js
 * sample). What we rely on, and assume where the guide is silent:
 * - Payment URL: the `vnp_*` parameters sorted by key, each key and value encoded with
 *   `encodeURIComponent` and `%20` turned into `+` (the Node.js sample), joined `k=v&…`; that string
 *   is both the query and the data of `vnp_SecureHash` = HMAC-SHA512(hash secret) in hex.
 *   Our own values keep to letters, digits, spaces and `.:-_`, where the PHP, Java and Node.js
 *   samples' encodings agree.
 * - Callbacks (IPN and browser return): every non-empty `vnp_*` field except `vnp_SecureHash` and
 *   `vnp_SecureHashType`, hashed the same way. `vnp_TmnCode` must be ours. Success is
 *   `vnp_ResponseCode=00` and `vnp_TransactionStatus=00`. Callbacks carry no currency: an order is in
 *   VND, and any `vnp_CurrCode` present must say so.
 * - Amounts are VND × 100; times are `yyyyMMddHHmmss` in GMT+7.
 * - Refund: POST JSON `vnp_Command=refund`, `vnp_TransactionType=02` (full), checksum HMAC-SHA512 of
 *   the fields joined by `|` in the guide's order; the answer's checksum likewise, and `00` is success.
 */
export type VnpayConfig = {
  readonly tmnCode: string
  readonly hashSecret: string
  /** Browser-facing payment page, e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html */
  readonly payUrl: string
  /** Server-to-server API (refund), e.g. https://sandbox.vnpayment.vn/merchant_webapi/api/transaction */
  readonly apiUrl: string
  /** The refund call's one attempt (default 10 s); the relay retries a refund that timed out. */
  readonly timeoutMs?: number
  readonly fetch?: typeof fetch
}

export const vnpayVersion = '2.1.0'

const hmac = (secret: string, data: string) => createHmac('sha512', secret).update(data, 'utf8').digest('hex')
const encode = (v: string) => encodeURIComponent(v).replace(/%20/g, '+')

/** The sorted, encoded `k=v&…` string that is both the query and the signed data. */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k] as string)}`)
    .join('&')
}

export function signParams(secret: string, params: Readonly<Record<string, string>>): string {
  return hmac(secret, canonicalQuery(params))
}

/** `yyyyMMddHHmmss` in Vietnam time (GMT+7, no daylight saving). */
export function vnpDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14)
}

export function parseVnpDate(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s)
  if (!m) return null
  const [, y, mo, d, h, mi, se] = m
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}+07:00`)
  return Number.isNaN(at.getTime()) ? null : at
}

/** The signed parameters of a payment request (`vnp_Command=pay`). */
export function paymentParams(config: VnpayConfig, order: PaymentOrder): Record<string, string> {
  const params: Record<string, string> = {
    vnp_Version: vnpayVersion,
    vnp_Command: 'pay',
    vnp_TmnCode: config.tmnCode,
    vnp_Amount: String(order.amountVnd * 100),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: order.txnRef,
    vnp_OrderInfo: order.orderInfo,
    vnp_OrderType: 'other',
    vnp_Locale: 'vn',
    vnp_ReturnUrl: order.returnUrl,
    vnp_IpAddr: order.ipAddr,
    vnp_CreateDate: vnpDate(order.createdAt),
    vnp_ExpireDate: vnpDate(order.expiresAt),
  }
  return { ...params, vnp_SecureHash: signParams(config.hashSecret, params) }
}

/** The `vnp_*` fields of a query that carry a value, as strings (repeated keys refused as malformed). */
function vnpFields(query: Readonly<Record<string, unknown>>): Record<string, string> | null {
  const fields: Record<string, string> = {}
  for (const [k, v] of Object.entries(query)) {
    if (!k.startsWith('vnp_')) continue
    if (typeof v !== 'string') return null
    if (v !== '') fields[k] = v
  }
  return fields
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase())
  const y = Buffer.from(b.toLowerCase())
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Whether a query's `vnp_SecureHash` signs its other `vnp_*` fields with `secret`. */
export function verifySignedQuery(secret: string, query: Readonly<Record<string, unknown>>): boolean {
  const fields = vnpFields(query)
  if (!fields?.vnp_SecureHash) return false
  const { vnp_SecureHash: hash, vnp_SecureHashType: _type, ...signed } = fields
  return sameHex(hash, signParams(secret, signed))
}

export function verifyCallback(config: VnpayConfig, query: Readonly<Record<string, unknown>>): CallbackVerdict {
  if (!verifySignedQuery(config.hashSecret, query)) return { ok: false, reason: 'invalid-signature' }
  const { vnp_SecureHash: _h, vnp_SecureHashType: _t, ...fields } = vnpFields(query) as Record<string, string>
  if (fields.vnp_TmnCode !== config.tmnCode) return { ok: false, reason: 'invalid-signature' }
  const amount = Number(fields.vnp_Amount)
  if (!fields.vnp_TxnRef || !Number.isSafeInteger(amount) || amount < 0 || !fields.vnp_ResponseCode)
    return { ok: false, reason: 'malformed' }
  return {
    ok: true,
    callback: {
      txnRef: fields.vnp_TxnRef,
      amountVnd: amount / 100,
      currency: fields.vnp_CurrCode ?? null,
      succeeded: fields.vnp_ResponseCode === '00' && fields.vnp_TransactionStatus === '00',
      responseCode: fields.vnp_ResponseCode,
      gatewayTxn: fields.vnp_TransactionNo ?? null,
      bankCode: fields.vnp_BankCode ?? null,
      paidAt: fields.vnp_PayDate ? parseVnpDate(fields.vnp_PayDate) : null,
      fields,
    },
  }
}

const refundFields = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TransactionType',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_TransactionNo',
  'vnp_TransactionDate',
  'vnp_CreateBy',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const
const refundAnswerFields = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
] as const

/** The `|`-joined checksum of the API's JSON messages (refund request and answer). */
export function pipeChecksum(secret: string, body: Readonly<Record<string, unknown>>, order: readonly string[]) {
  return hmac(secret, order.map((k) => String(body[k] ?? '')).join('|'))
}
export const refundRequestChecksum = (secret: string, body: Readonly<Record<string, unknown>>) =>
  pipeChecksum(secret, body, refundFields)
export const refundAnswerChecksum = (secret: string, body: Readonly<Record<string, unknown>>) =>
  pipeChecksum(secret, body, refundAnswerFields)

export function refundBody(config: VnpayConfig, r: RefundRequest): Record<string, string> {
  const body: Record<string, string> = {
    vnp_RequestId: r.requestId,
    vnp_Version: vnpayVersion,
    vnp_Command: 'refund',
    vnp_TmnCode: config.tmnCode,
    vnp_TransactionType: '02',
    vnp_TxnRef: r.txnRef,
    vnp_Amount: String(r.amountVnd * 100),
    vnp_TransactionNo: r.gatewayTxn ?? '',
    vnp_TransactionDate: vnpDate(r.transactionDate),
    vnp_CreateBy: r.createdBy,
    vnp_CreateDate: vnpDate(r.now),
    vnp_IpAddr: r.ipAddr,
    vnp_OrderInfo: r.orderInfo,
  }
  return { ...body, vnp_SecureHash: refundRequestChecksum(config.hashSecret, body) }
}

async function refund(config: VnpayConfig, r: RefundRequest): Promise<RefundResult> {
  const res = await (config.fetch ?? fetch)(config.apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(refundBody(config, r)),
    signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
  })
  if (!res.ok) return { ok: false, responseCode: `http-${res.status}`, message: await res.text() }
  const answer = (await res.json()) as Record<string, unknown>
  if (
    typeof answer.vnp_SecureHash !== 'string' ||
    !sameHex(answer.vnp_SecureHash, refundAnswerChecksum(config.hashSecret, answer))
  )
    return { ok: false, responseCode: '97', message: 'invalid checksum in the refund answer' }
  const code = String(answer.vnp_ResponseCode ?? '')
  return code === '00'
    ? { ok: true, responseCode: code, gatewayTxn: answer.vnp_TransactionNo ? String(answer.vnp_TransactionNo) : null }
    : { ok: false, responseCode: code, message: String(answer.vnp_Message ?? '') }
}

/** The VNPay adapter behind the gateway interface. */
export function vnpayGateway(config: VnpayConfig): PaymentGateway {
  return {
    name: 'vnpay',
    paymentUrl: (order) => {
      const url = config.payUrl.includes('?') ? `${config.payUrl}&` : `${config.payUrl}?`
      const { vnp_SecureHash: hash, ...params } = paymentParams(config, order)
      return `${url}${canonicalQuery(params)}&vnp_SecureHash=${hash}`
    },
    verifyCallback: (query) => verifyCallback(config, query),
    refund: (request) => refund(config, request),
  }
}

/** IPN answers VNPay expects (RspCode and Message, as in the integration guide). */
export const IpnAnswer = {
  Confirmed: { RspCode: '00', Message: 'Confirm Success' },
  OrderNotFound: { RspCode: '01', Message: 'Order not found' },
  AlreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  InvalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  InvalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  Unknown: { RspCode: '99', Message: 'Unknown error' },
} as const
export type IpnAnswer = (typeof IpnAnswer)[keyof typeof IpnAnswer]

/** VNPay's answer to each of motcua's IPN verdicts (a recorded failure is still acknowledged, 00). */
export function ipnAnswer(verdict: IpnVerdict): IpnAnswer {
  switch (verdict) {
    case IpnVerdict.Confirmed:
    case IpnVerdict.Failed:
      return IpnAnswer.Confirmed
    case IpnVerdict.NotFound:
      return IpnAnswer.OrderNotFound
    case IpnVerdict.AlreadyConfirmed:
      return IpnAnswer.AlreadyConfirmed
    case IpnVerdict.InvalidAmount:
      return IpnAnswer.InvalidAmount
    case IpnVerdict.InvalidSignature:
      return IpnAnswer.InvalidSignature
    case IpnVerdict.Malformed:
      return IpnAnswer.Unknown
  }
}
