import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { canonicalQuery, signParams, verifySignedQuery, vnpayGateway } from '../src/adapters/payment/vnpay.ts'
import { demoVnpay } from '../src/adapters/payment/vnpay-from-env.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import type { OutboxMessage } from '../src/jobs/consumer.ts'
import { paymentRefundConsumer } from '../src/jobs/payment-refunds-consumer.ts'
import { requireTools } from './support/debian-tools.ts'
import { assigned, runCommand, submitOnline } from './support/http-dossier.ts'
import { createTestApp, fixedNow, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

describe(`online payment through VNPay (local simulator) on ${engineName}`, () => {
  let t: TestApp
  let base: string
  let who: Record<string, Record<string, string>>
  const dir = mkdtempSync(join(tmpdir(), 'motcua-payments-'))

  before(async () => {
    t = await createTestApp({ demoLogin: true })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const address = t.app.server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    who = {
      citizen: await signedIn(t, { citizen: { identityNumber: '056190007777', name: 'Trần Thị Nộp Phí' } }),
      other: await signedIn(t, { citizen: { identityNumber: '056190007778', name: 'Người khác' } }),
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
      leader: await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] }),
      specialist: await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }], name: 'Võ Đức Sơn' }),
    }
  })
  after(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const run = (as: string, d: DossierView, path: string, body: object = {}) =>
    runCommand(t, who[as] ?? {}, d, path, body)

  /** A received dossier whose specialist asked for 100 000 đồng (status 6). */
  async function awaitingPayment(): Promise<DossierView> {
    const officers = { counter: who.counter ?? {}, leader: who.leader ?? {}, specialist: who.specialist ?? {} }
    let d = await assigned(t, officers, await submitOnline(t, who.citizen ?? {}))
    d = await run('specialist', d, 'payment-requests', { amountVnd: 100_000, reason: 'Lệ phí đăng ký khai sinh' })
    assert.equal(d.status, 6)
    return d
  }

  async function payRequest(d: DossierView, headers = who.citizen) {
    return t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/online-payments`, headers })
  }
  async function newPayment(d: DossierView): Promise<{ paymentId: string; order: Record<string, string> }> {
    const res = await payRequest(d)
    assert.equal(res.statusCode, 201, res.body)
    const { paymentId, paymentUrl } = res.json<{ paymentId: string; paymentUrl: string }>()
    return { paymentId, order: Object.fromEntries(new URL(paymentUrl, base).searchParams) }
  }

  /** The IPN VNPay would send for an order, signed with `secret`. */
  function ipnQuery(
    order: Record<string, string>,
    change: Record<string, string> = {},
    secret: string = demoVnpay.hashSecret,
  ) {
    const fields = {
      vnp_Amount: order.vnp_Amount ?? '',
      vnp_BankCode: 'NCB',
      vnp_OrderInfo: order.vnp_OrderInfo ?? '',
      vnp_PayDate: '20261126100500',
      vnp_ResponseCode: '00',
      vnp_TmnCode: demoVnpay.tmnCode,
      vnp_TransactionNo: '14226112',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: order.vnp_TxnRef ?? '',
      ...change,
    }
    return `${canonicalQuery(fields)}&vnp_SecureHash=${signParams(secret, fields)}`
  }
  const sendIpn = async (query: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/payments/vnpay/ipn?${query}` })).json<{ RspCode: string }>()

  const dossier = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/dossiers/${id}`, headers: who.citizen })).json<DossierView>()
  const payment = (id: string) =>
    t.database.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const paymentEvents = async (id: string) =>
    (
      await t.database.db
        .selectFrom('dossier_events')
        .select('type')
        .where('dossier_id', '=', id)
        .where('type', '=', 'payment-recorded')
        .execute()
    ).length

  test('the payment URL goes to the gateway signed, for the required amount in VND × 100', async () => {
    const d = await awaitingPayment()
    const { order } = await newPayment(d)
    assert.ok(verifySignedQuery(demoVnpay.hashSecret, order))
    assert.equal(order.vnp_Amount, '10000000')
    assert.equal(order.vnp_CurrCode, 'VND')
    assert.equal(order.vnp_Version, '2.1.0')
    assert.equal(order.vnp_CreateDate, '20261126100000')
  })

  test('only the applicant pays, and only while the dossier waits for payment', async () => {
    const d = await awaitingPayment()
    assert.equal((await payRequest(d, who.other)).statusCode, 403)
    assert.equal((await payRequest(d, who.counter)).statusCode, 403)
    const received = await run('counter', await submitOnline(t, who.citizen ?? {}), 'reception')
    const refused = await payRequest(received)
    assert.equal(refused.statusCode, 422)
    assert.equal(refused.json<{ type: string }>().type, 'urn:motcua:problem:paymentNotAwaited')
  })

  test('clicking through the simulator confirms by IPN, records the payment and issues the e-receipt', {
    skip: requireTools('pdftotext'),
  }, async () => {
    const d = await awaitingPayment()
    const res = await payRequest(d)
    const { paymentId, paymentUrl } = res.json<{ paymentId: string; paymentUrl: string }>()
    const pageRes = await fetch(new URL(paymentUrl, base))
    const html = await pageRes.text()
    assert.equal(pageRes.status, 200)
    assert.match(html, /Mô phỏng cổng thanh toán \(bản trình diễn\)/)
    assert.match(html, /100\.000 đồng/)
    const form = new URLSearchParams({
      ...Object.fromEntries(new URL(paymentUrl, base).searchParams),
      ket_qua: 'thanh-cong',
    })
    const submitted = await fetch(`${base}/mo-phong-thanh-toan/ket-qua`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    })
    assert.equal(submitted.status, 303)
    const back = submitted.headers.get('location') ?? ''
    assert.match(back, /^\/api\/payments\/vnpay\/return\?/)
    const returned = await fetch(new URL(back, base), { redirect: 'manual' })
    assert.equal(returned.status, 303)
    assert.equal(returned.headers.get('location'), `/ho-so-cua-toi/${d.id}?thanh-toan=thanh-cong`)

    const p = await payment(paymentId)
    assert.equal(p.state, 'paid')
    assert.match(p.receipt_no ?? '', /^BLDT-2026-\d{6}$/)
    const after = await dossier(d.id)
    assert.equal(after.status, 4, 'back to processing')
    assert.equal(await paymentEvents(d.id), 1)
    const facts = await t.database.db
      .selectFrom('kpi_dossiers')
      .select(['paid_online', 'fee_vnd'])
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(
      [facts.paid_online, Number(facts.fee_vnd)],
      [true, 100_000],
      'indicator 3.6 counts it as paid online',
    )

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}/online-payments/${paymentId}/receipt`,
      headers: who.citizen,
    })
    assert.equal(pdf.statusCode, 200, pdf.body)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    const file = join(dir, `${paymentId}.pdf`)
    writeFileSync(file, pdf.rawPayload)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    assert.match(text, new RegExp(String(after.code).replace(/\./g, '\\.')))
    assert.match(text, /Một trăm nghìn đồng/)
    assert.match(text, /100\.000 đồng/)
    assert.match(text, /Trần Thị Nộp Phí/)
    assert.ok(text.includes(p.receipt_no ?? '?'))
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}/online-payments/${paymentId}/receipt`,
      headers: who.other,
    })
    assert.equal(foreign.statusCode, 403)
  })

  test('a forged IPN is answered 97 and changes nothing', async () => {
    const d = await awaitingPayment()
    const { paymentId, order } = await newPayment(d)
    assert.equal((await sendIpn(ipnQuery(order, {}, 'forged-key'))).RspCode, '97')
    const tampered = `${ipnQuery(order)}`.replace('vnp_Amount=10000000', 'vnp_Amount=100')
    assert.equal((await sendIpn(tampered)).RspCode, '97')
    assert.equal((await payment(paymentId)).state, 'pending')
    assert.equal((await dossier(d.id)).status, 6)
    const logged = await t.database.db
      .selectFrom('payment_callbacks')
      .select('verdict')
      .where('txn_ref', '=', order.vnp_TxnRef ?? '')
      .execute()
    assert.deepEqual(
      logged.map((l) => l.verdict),
      ['invalid-signature', 'invalid-signature'],
    )
  })

  test('a replayed IPN is answered 02 and records the payment once', async () => {
    const d = await awaitingPayment()
    const { paymentId, order } = await newPayment(d)
    const query = ipnQuery(order)
    assert.equal((await sendIpn(query)).RspCode, '00')
    const first = await payment(paymentId)
    assert.equal((await sendIpn(query)).RspCode, '02')
    assert.deepEqual(await payment(paymentId), first)
    assert.equal(await paymentEvents(d.id), 1)
    assert.equal((await dossier(d.id)).status, 4)
  })

  test('concurrent twins of one IPN confirm it once', async () => {
    const d = await awaitingPayment()
    const { order } = await newPayment(d)
    const answers = await Promise.all([sendIpn(ipnQuery(order)), sendIpn(ipnQuery(order))])
    assert.deepEqual(answers.map((a) => a.RspCode).sort(), ['00', '02'])
    assert.equal(await paymentEvents(d.id), 1)
  })

  test('an IPN with another amount is answered 04, an unknown reference 01, and neither changes anything', async () => {
    const d = await awaitingPayment()
    const { paymentId, order } = await newPayment(d)
    assert.equal((await sendIpn(ipnQuery(order, { vnp_Amount: '1000000' }))).RspCode, '04')
    assert.equal((await sendIpn(ipnQuery(order, { vnp_TxnRef: 'MCUNKNOWN0000000000000' }))).RspCode, '01')
    assert.equal((await payment(paymentId)).state, 'pending')
    assert.equal((await dossier(d.id)).status, 6)
  })

  test('a cancelled payment is marked failed and the dossier still waits for payment', async () => {
    const d = await awaitingPayment()
    const { paymentId, order } = await newPayment(d)
    assert.equal(
      (await sendIpn(ipnQuery(order, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }))).RspCode,
      '00',
    )
    assert.equal((await payment(paymentId)).state, 'failed')
    assert.equal((await dossier(d.id)).status, 6)
    const retry = await newPayment(d)
    assert.equal((await sendIpn(ipnQuery(retry.order))).RspCode, '00')
    assert.equal((await dossier(d.id)).status, 4)
  })

  test('the browser return with a forged signature is refused and changes nothing', async () => {
    const d = await awaitingPayment()
    const { paymentId, order } = await newPayment(d)
    const res = await t.app.inject({ method: 'GET', url: `/api/payments/vnpay/return?${ipnQuery(order, {}, 'x')}` })
    assert.equal(res.statusCode, 400)
    const ok = await t.app.inject({ method: 'GET', url: `/api/payments/vnpay/return?${ipnQuery(order)}` })
    assert.equal(ok.statusCode, 303)
    assert.equal((await payment(paymentId)).state, 'pending', 'only the IPN changes state')
  })

  test('withdrawing after paying online refunds the fee through the gateway and marks the payment refunded', async () => {
    const d = await awaitingPayment()
    const { paymentId, order } = await newPayment(d)
    assert.equal((await sendIpn(ipnQuery(order))).RspCode, '00')
    // After reception the applicant asks to stop and the leader decides (Circular 03/2025, form 05).
    const asked = await run('citizen', await dossier(d.id), 'withdrawal-requests', { reason: 'Không còn nhu cầu' })
    const withdrawn = await run('leader', asked, 'withdrawal-decision', { accepted: true, note: '' })
    assert.equal(withdrawn.status, 7)
    const row = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('message_key', '=', d.id)
      .where('topic', '=', 'dossier.withdrawal-decided')
      .executeTakeFirstOrThrow()
    const message = {
      id: row.id,
      topic: row.topic,
      key: row.message_key,
      payload: row.payload,
      createdAt: row.created_at,
    } as OutboxMessage
    const refunds: string[] = []
    const gateway = vnpayGateway({
      tmnCode: demoVnpay.tmnCode,
      hashSecret: demoVnpay.hashSecret,
      payUrl: demoVnpay.payPath,
      apiUrl: `${base}${demoVnpay.apiPath}`,
      fetch: async (url, init) => {
        refunds.push(String(init?.body))
        return fetch(url, init)
      },
    })
    const consumer = paymentRefundConsumer({
      db: t.database.db,
      gateway,
      policy: { refundOnWithdrawal: true },
      now: () => fixedNow,
    })
    assert.ok(consumer.accepts(message))
    await consumer.deliver(message)
    await consumer.deliver(message)
    assert.equal(refunds.length, 1, 'a redelivered message asks for no second refund')
    const sent = JSON.parse(refunds[0] ?? '{}') as Record<string, string>
    assert.equal(sent.vnp_Command, 'refund')
    assert.equal(sent.vnp_Amount, '10000000')
    assert.equal(sent.vnp_TxnRef, order.vnp_TxnRef)
    const p = await payment(paymentId)
    assert.equal(p.state, 'refunded')
    assert.ok(p.refunded_at)
  })

  test('a refund answer with a bad checksum leaves the payment paid and the delivery to be retried', async () => {
    const d = await awaitingPayment()
    const { paymentId, order } = await newPayment(d)
    assert.equal((await sendIpn(ipnQuery(order))).RspCode, '00')
    const asked = await run('citizen', await dossier(d.id), 'withdrawal-requests', { reason: 'Rút' })
    await run('leader', asked, 'withdrawal-decision', { accepted: true, note: '' })
    const gateway = vnpayGateway({
      tmnCode: demoVnpay.tmnCode,
      hashSecret: 'not-the-simulator-key',
      payUrl: demoVnpay.payPath,
      apiUrl: `${base}${demoVnpay.apiPath}`,
    })
    const consumer = paymentRefundConsumer({
      db: t.database.db,
      gateway,
      policy: { refundOnWithdrawal: true },
      now: () => fixedNow,
    })
    const message = {
      id: 0,
      topic: 'dossier.withdrawn',
      key: d.id,
      payload: { dossierId: d.id },
    } as unknown as OutboxMessage
    await assert.rejects(consumer.deliver(message))
    assert.equal((await payment(paymentId)).state, 'paid')
  })
})
