import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { canonicalQuery, signParams } from '../src/adapters/payment/vnpay.ts'
import { demoVnpay } from '../src/adapters/payment/vnpay-from-env.ts'
import { loadConfig } from '../src/config/config.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { consumersFromEnv } from '../src/jobs/consumers-from-env.ts'
import { defaultRetryPolicy, relayOnce } from '../src/jobs/outbox-relay.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { agencyCalendars } from '../src/store/dossiers/agency-calendars.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { decisionFor } from './support/declaration-samples.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './support/fake-national-portal.ts'
import { type FakeSmsGateway, startFakeSmsGateway } from './support/fake-sms-gateway.ts'
import { approved, assigned, runCommand, submitOnline } from './support/http-dossier.ts'
import { type SmtpInbox, startSmtpInbox } from './support/smtp-inbox.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

/** The relay with the partners configured as `serve` configures them, all on loopback. */
describe(`a dossier's life (with an online payment) through the outbox relay to the national portal, e-mail and SMS on ${engineName}`, () => {
  let t: TestApp
  let portal: FakeNationalPortal
  let inbox: SmtpInbox
  let sms: FakeSmsGateway
  let who: Record<string, Record<string, string>>
  before(async () => {
    t = await createTestApp({ demoLogin: true })
    ;[portal, inbox, sms] = await Promise.all([startFakeNationalPortal(), startSmtpInbox(), startFakeSmsGateway()])
    who = {
      citizen: await signedIn(t, { citizen: { identityNumber: '056190004444', name: 'Phạm Thị Đối Tác' } }),
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
      leader: await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] }),
      specialist: await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }], name: 'Võ Đức Sơn' }),
      clerk: await signedIn(t, { grants: [{ role: 'clerk', agencyId: 'xa-22333' }] }),
    }
  })
  after(async () => {
    await Promise.all([t.close(), portal.close(), inbox.close(), sms.close()])
  })

  test('every status reaches the portal in order and the applicant gets the notices, through outages', async () => {
    const consumers = consumersFromEnv(
      t.database.db,
      loadConfig({
        PORTAL_BASE_URL: portal.baseUrl,
        PORTAL_API_KEY: portal.apiKey,
        SMTP_URL: inbox.url,
        MAIL_FROM: '"Một cửa điện tử" <motcua@example.vn>',
        SMS_GATEWAY_URL: sms.url,
        SMS_API_KEY: sms.apiKey,
        PUBLIC_BASE_URL: 'https://dichvucong.khanhhoa.example',
      }),
      { storage: t.files.storage, calendars: () => calendars.forAgencies() },
    )
    const calendars = agencyCalendars(t.database.db, workingDaysFromDatabase(t.database.db))
    let clock = new Date()
    const relay = async () => {
      await relayOnce(t.database.db, await consumers(), {
        policy: { ...defaultRetryPolicy, baseDelayMs: 1_000 },
        clock: () => clock,
      })
    }
    const run = (as: string, d: DossierView, path: string, body: object = {}) =>
      runCommand(t, who[as] ?? {}, d, path, body)

    let d = await submitOnline(t, who.citizen ?? {}, '0905111003', 'doitac@example.vn')
    d = await run('counter', d, 'reception')
    await relay()
    // The portal is down for a while and the SMS gateway under maintenance.
    portal.failNext(100)
    sms.down = true
    d = await run('counter', d, 'transfer')
    const specialistId = (
      await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: who.specialist })
    ).json<{ user: { id: string } }>().user.id
    d = await run('leader', d, 'assignment', { assigneeId: specialistId, assigneeName: 'Võ Đức Sơn' })
    // The fee is asked and paid online: the gateway's signed IPN records the payment.
    d = await run('specialist', d, 'payment-requests', { amountVnd: 50_000, reason: 'Lệ phí' })
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/online-payments`,
      headers: who.citizen,
    })
    assert.equal(asked.statusCode, 201, asked.body)
    const order = Object.fromEntries(new URL(asked.json<{ paymentUrl: string }>().paymentUrl, 'http://x').searchParams)
    const ipn = {
      vnp_Amount: order.vnp_Amount ?? '',
      vnp_BankCode: 'NCB',
      vnp_OrderInfo: order.vnp_OrderInfo ?? '',
      vnp_PayDate: '20261126100500',
      vnp_ResponseCode: '00',
      vnp_TmnCode: demoVnpay.tmnCode,
      vnp_TransactionNo: '14226199',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: order.vnp_TxnRef ?? '',
    }
    const paid = await t.app.inject({
      method: 'GET',
      url: `/api/payments/vnpay/ipn?${canonicalQuery(ipn)}&vnp_SecureHash=${signParams(demoVnpay.hashSecret, ipn)}`,
    })
    assert.equal(paid.json<{ RspCode: string }>().RspCode, '00')
    d = (await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}`, headers: who.citizen })).json<DossierView>()
    assert.equal(d.status, 4)
    d = await run('specialist', d, 'appraisal', {
      outcome: 'approve',
      note: 'Đủ điều kiện',
      ...decisionFor('1.001193'),
    })
    d = await run('leader', d, 'approval')
    d = await run('clerk', d, 'issuance', { resultNumber: '31/GKS' })
    d = await run('counter', d, 'result-return', { method: 'counter' })
    const [portalTries, smsTries] = [portal.requests.length, sms.refused]
    await relay()
    assert.equal(portal.requests.length - portalTries, 1, 'one HTTP attempt to the portal in the claim')
    assert.equal(sms.refused - smsTries, 1, 'one HTTP attempt to the SMS gateway in the claim')
    portal.failNext(0)
    sms.down = false
    for (let i = 0; i < 12; i++) {
      clock = new Date(clock.getTime() + 20 * 60_000)
      await relay()
    }

    const code = d.code ?? ''
    const record = portal.records.get(code) as { TrangThaiHoSo: number; LichSuTrangThai: { TrangThai: number }[] }
    assert.equal(record.TrangThaiHoSo, 10)
    assert.deepEqual(
      record.LichSuTrangThai.map((h) => h.TrangThai),
      [1, 2, 4, 6, 4, 9, 10],
    )
    const payments = await t.database.db
      .selectFrom('payments')
      .select(['state', 'amount_vnd'])
      .where('dossier_id', '=', d.id)
      .execute()
    assert.deepEqual(
      payments.map((p) => [p.state, Number(p.amount_vnd)]),
      [['paid', 50_000]],
    )
    const sent = portal.accepted.filter((r) => r.MaHoSo === code).map((r) => r.TrangThaiHoSo)
    assert.deepEqual(
      sent,
      [...sent].sort((a, b) => Number(a) - Number(b)),
      'the portal saw the statuses in order',
    )
    assert.deepEqual(
      inbox.to('doitac@example.vn').map((m) => m.subject),
      [
        `Hồ sơ ${code} đã được tiếp nhận`,
        `Yêu cầu thực hiện nghĩa vụ tài chính cho hồ sơ ${code}`,
        `Kết quả giải quyết hồ sơ ${code} đã sẵn sàng`,
        `Hồ sơ ${code} đã trả kết quả – mời Ông/Bà đánh giá`,
      ],
    )
    assert.equal(sms.messages.filter((m) => m.to === '84905111003').length, 4, 'each SMS once, after the outage')
    const open = await t.database.db
      .selectFrom('outbox_deliveries')
      .select(['consumer', 'state'])
      .where('state', '<>', 'delivered')
      .execute()
    assert.deepEqual(open, [])
  })

  test('a result issued while no HTTP handler signed it (a crash) is signed by the relay and counts in the indicators', async () => {
    let d = await submitOnline(t, who.citizen ?? {})
    const officers = { counter: who.counter ?? {}, leader: who.leader ?? {}, specialist: who.specialist ?? {} }
    d = await approved(t, officers, await assigned(t, officers, d))
    // The clerk's issue straight through the engine: the HTTP handler's signing step never runs.
    const engine = dossierCommands(t.database.db, workingDaysFromDatabase(t.database.db))
    const clerk = { id: 'clerk@xa-22333', name: 'Văn thư', role: 'clerk' as const, agencyId: 'xa-22333' }
    const issued = await engine.run(d.id, { action: 'issue', actor: clerk, resultNumber: '32/GKS' }, d.version, {
      idempotencyKey: randomUUID(),
      now: new Date(),
    })
    assert.ok(issued.ok)
    const results = () =>
      t.database.db.selectFrom('issued_documents').select('kind').where('dossier_id', '=', d.id).execute()
    assert.deepEqual(await results(), [])
    const calendars = agencyCalendars(t.database.db, workingDaysFromDatabase(t.database.db))
    const consumers = consumersFromEnv(t.database.db, loadConfig({}), {
      storage: t.files.storage,
      calendars: () => calendars.forAgencies(),
    })
    await relayOnce(t.database.db, await consumers())
    assert.deepEqual(await results(), [{ kind: 'result' }])
    const facts = await t.database.db
      .selectFrom('kpi_dossiers')
      .select('e_result')
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow()
    assert.equal(facts.e_result, true)
  })
})
