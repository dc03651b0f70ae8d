import assert from 'node:assert/strict'
import { test } from 'node:test'
import { canonicalQuery, parseVnpDate, signParams, verifyCallback, vnpayGateway, vnpDate } from './vnpay.ts'

const config = {
  tmnCode: 'TESTTMN1',
  hashSecret: 'SECRETKEY0123456789',
  payUrl: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
  apiUrl: 'http://127.0.0.1:1/unused',
}
const order = {
  txnRef: 'MC0123456789ABCDEF0123',
  amountVnd: 100_000,
  orderInfo: 'Nop phi le phi ho so 000.00.22.H41-261126-0001',
  returnUrl: 'https://motcua.example.vn/api/payments/vnpay/return',
  ipAddr: '127.0.0.1',
  createdAt: new Date('2026-11-26T03:00:00Z'),
  expiresAt: new Date('2026-11-26T03:15:00Z'),
}
// Computed independently: printf '%s' "$QUERY" | openssl dgst -sha512 -hmac SECRETKEY0123456789
const expectedQuery =
  'vnp_Amount=10000000&vnp_Command=pay&vnp_CreateDate=20261126100000&vnp_CurrCode=VND&vnp_ExpireDate=20261126101500' +
  '&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Nop+phi+le+phi+ho+so+000.00.22.H41-261126-0001&vnp_OrderType=other' +
  '&vnp_ReturnUrl=https%3A%2F%2Fmotcua.example.vn%2Fapi%2Fpayments%2Fvnpay%2Freturn&vnp_TmnCode=TESTTMN1' +
  '&vnp_TxnRef=MC0123456789ABCDEF0123&vnp_Version=2.1.0'
const expectedHash =
  '0f3b3dd1c0d699f2aff1dfb217873eb8141efbd93500a90ee3662e6882ef95375aa737dece250f8d7046df7b240056dbd3ee16063ab59ed709985bd2fd1015db'

test('the payment URL is the sorted, plus-encoded query signed with HMAC-SHA512 (known vector)', () => {
  const url = vnpayGateway(config).paymentUrl(order)
  assert.equal(url, `${config.payUrl}?${expectedQuery}&vnp_SecureHash=${expectedHash}`)
})

test('times are written in Vietnam time, yyyyMMddHHmmss, and read back', () => {
  assert.equal(vnpDate(new Date('2026-12-31T17:30:05Z')), '20270101003005')
  assert.equal(parseVnpDate('20270101003005')?.toISOString(), '2026-12-31T17:30:05.000Z')
})

function ipn(fields: Record<string, string>, secret = config.hashSecret): Record<string, string> {
  return { ...fields, vnp_SecureHash: signParams(secret, fields) }
}
const success = {
  vnp_Amount: '10000000',
  vnp_BankCode: 'NCB',
  vnp_OrderInfo: order.orderInfo,
  vnp_PayDate: '20261126100500',
  vnp_ResponseCode: '00',
  vnp_TmnCode: 'TESTTMN1',
  vnp_TransactionNo: '14226112',
  vnp_TransactionStatus: '00',
  vnp_TxnRef: order.txnRef,
}

test('a signed callback is verified and read in VND', () => {
  const verdict = verifyCallback(config, ipn(success))
  assert.ok(verdict.ok)
  assert.equal(verdict.callback.amountVnd, 100_000)
  assert.equal(verdict.callback.succeeded, true)
  assert.equal(verdict.callback.gatewayTxn, '14226112')
})

test('a callback signed with another key, or changed after signing, is refused', () => {
  assert.deepEqual(verifyCallback(config, ipn(success, 'another-key')), { ok: false, reason: 'invalid-signature' })
  assert.deepEqual(verifyCallback(config, { ...ipn(success), vnp_Amount: '100' }), {
    ok: false,
    reason: 'invalid-signature',
  })
})

test('a callback for another merchant is refused even when signed', () => {
  assert.equal(verifyCallback(config, ipn({ ...success, vnp_TmnCode: 'OTHER' })).ok, false)
})

test('canonical query sorts keys and encodes spaces as plus', () => {
  assert.equal(canonicalQuery({ b: 'x y', a: 'é&' }), 'a=%C3%A9%26&b=x+y')
})
