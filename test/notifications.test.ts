import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { type Mailer, smtpMailer } from '../src/adapters/mail/smtp-mailer.ts'
import { smsGateway } from '../src/adapters/sms/sms-gateway.ts'
import type { Command } from '../src/domain/dossier/commands.ts'
import type { Applicant } from '../src/domain/dossier/events.ts'
import type { Consumer, OutboxMessage } from '../src/jobs/consumer.ts'
import { notificationConsumer, receiptFromForms } from '../src/jobs/notifications-consumer.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { requireTools } from './support/debian-tools.ts'
import { actors, applicant } from './support/dossier-fixtures.ts'
import { type FakeSmsGateway, startFakeSmsGateway } from './support/fake-sms-gateway.ts'
import { type SmtpInbox, startSmtpInbox } from './support/smtp-inbox.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

const now = new Date('2026-11-26T03:00:00Z')
const publicBaseUrl = 'https://dichvucong.example.vn'

type NewCommand = Command extends infer C ? (C extends { action: 'receive' } ? Omit<C, 'code'> : C) : never

describe(`notifications by e-mail and SMS on ${engineName}`, () => {
  let database: OpenDatabase
  let engine: ReturnType<typeof dossierCommands>
  let inbox: SmtpInbox
  let gateway: FakeSmsGateway
  let mailer: Mailer
  let consumer: Consumer
  const dir = mkdtempSync(join(tmpdir(), 'motcua-notifications-'))

  before(async () => {
    database = await createTestDatabase()
    engine = dossierCommands(database.db, workingDaysFromDatabase(database.db))
    inbox = await startSmtpInbox()
    gateway = await startFakeSmsGateway()
    mailer = smtpMailer({ url: inbox.url, from: '"Một cửa điện tử" <motcua@example.vn>' })
    consumer = notificationConsumer({
      db: database.db,
      mailer,
      sms: smsGateway({ url: gateway.url, apiKey: gateway.apiKey, brandname: 'UBND KHOA' }),
      publicBaseUrl,
      renderReceipt: receiptFromForms(database.db, publicBaseUrl),
      now: () => now,
    })
  })
  after(async () => {
    mailer.close()
    await inbox.close()
    await gateway.close()
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** A dossier of its own applicant, driven by the lifecycle engine; returns its id and a command runner. */
  async function dossierOf(who: Partial<Applicant>) {
    const created = await engine.create(
      {
        action: 'submit',
        actor: actors.applicant,
        channel: 2,
        applicant: { ...applicant, ...who },
        procedure: { code: '1.001193', version: 1 },
        receivingAgencyId: 'ttpvhcc-22333',
        components: [],
      },
      { idempotencyKey: randomUUID(), now },
    )
    assert.ok(created.ok)
    let version = created.version
    const run = async (command: NewCommand, at = now) => {
      const outcome = await engine.run(created.dossierId, command, version, { idempotencyKey: randomUUID(), now: at })
      assert.ok(outcome.ok, JSON.stringify(outcome))
      version = outcome.version
    }
    return { id: created.dossierId, run }
  }

  /** The dossier's outbox messages, as the relay hands them over. */
  async function messagesOf(dossierId: string): Promise<OutboxMessage[]> {
    const rows = await database.db
      .selectFrom('outbox')
      .select(['id', 'topic', 'message_key', 'payload', 'created_at'])
      .where('message_key', '=', dossierId)
      .orderBy('id')
      .execute()
    return rows.map((r) => ({
      id: Number(r.id),
      topic: r.topic,
      key: r.message_key,
      payload: r.payload as OutboxMessage['payload'],
      createdAt: r.created_at,
    }))
  }

  /** Delivers the dossier's last message of `topic` to the consumer, as the relay would. */
  async function deliverLast(dossierId: string, topic: string): Promise<OutboxMessage> {
    const message = (await messagesOf(dossierId)).findLast((m) => m.topic === topic)
    assert.ok(message, `no ${topic} message`)
    assert.ok(consumer.accepts(message), `${topic} is not accepted`)
    await consumer.deliver(message)
    return message
  }

  const statusOf = async (messageId: number) =>
    (
      await database.db
        .selectFrom('notifications')
        .select(['channel', 'status'])
        .where('message_id', '=', messageId)
        .orderBy('channel')
        .execute()
    ).map((r) => `${r.channel}:${r.status}`)

  const smsTo = (msisdn: string) => gateway.messages.filter((m) => m.to === msisdn)

  test('the reception e-mail carries the Vietnamese subject and the form 01 receipt naming the dossier code', {
    skip: requireTools('pdftotext'),
  }, async () => {
    const email = 'lan.reception@example.vn'
    const d = await dossierOf({ email, phone: '0905 111 001', identityNumber: '056190000101' })
    await d.run({ action: 'receive', actor: actors.counter })
    const message = await deliverLast(d.id, 'dossier.received')
    const code = message.payload.code ?? ''
    const [mail] = inbox.to(email)
    assert.ok(mail, 'no reception e-mail arrived')
    assert.equal(mail.subject, `Hồ sơ ${code} đã được tiếp nhận`)
    assert.match(mail.text ?? '', /Kính gửi Ông\/Bà Nguyễn Thị Lan,/)
    assert.ok(mail.text?.includes(`${publicBaseUrl}/tra-cuu?ma=${code}`))
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')
    assert.ok(pdf, 'no PDF attached')
    assert.equal(pdf.filename, `mau-01-${code}.pdf`)
    const file = join(dir, 'mau-01.pdf')
    writeFileSync(file, pdf.content)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    assert.match(text, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/)
    assert.ok(text.includes(code), 'the receipt does not name the dossier code')
    const [sms] = smsTo('84905111001')
    assert.ok(sms?.content.startsWith(`Ho so ${code} (`), sms?.content)
    assert.equal(sms?.brandname, 'UBND KHOA')
    assert.deepEqual(await statusOf(message.id), ['email:sent', 'sms:sent'])
  })

  test('supplement request, apology and result ready arrive by e-mail and SMS; the returned notice invites a rating', async () => {
    const email = 'lan.process@example.vn'
    const d = await dossierOf({ email, phone: '0905111002', identityNumber: '056190000102' })
    await d.run({ action: 'receive', actor: actors.counter })
    await d.run({ action: 'transfer', actor: actors.counter })
    await d.run({
      action: 'assign',
      actor: actors.leader,
      assigneeId: actors.specialist.id,
      assigneeName: 'Võ Đức Sơn',
    })
    await d.run({
      action: 'request-supplement',
      actor: actors.specialist,
      items: ['Giấy chứng sinh bản chính'],
      reason: 'Giấy chứng sinh nộp kèm là bản chụp',
      exception: null,
    })
    await deliverLast(d.id, 'dossier.supplement-requested')
    await d.run({ action: 'receive-supplement', actor: actors.counter, components: [] })
    const appointment = (await messagesOf(d.id)).findLast((m) => m.topic === 'dossier.received')?.payload.event
    assert.ok(appointment?.type === 'received' && appointment.appointmentAt !== null)
    await d.run({
      action: 'issue-apology',
      actor: actors.leader,
      reason: 'cần xác minh thông tin với nơi cư trú',
      newAppointmentAt: appointment.appointmentAt + 3 * 86_400_000,
    })
    await deliverLast(d.id, 'dossier.apology-issued')
    await d.run({ action: 'appraise', actor: actors.specialist, outcome: 'approve', note: 'Đủ điều kiện' })
    await d.run({ action: 'approve', actor: actors.leader })
    await d.run({ action: 'issue', actor: actors.clerk, resultNumber: '125/GKS' })
    await deliverLast(d.id, 'dossier.issued')
    await d.run({ action: 'return-result', actor: actors.counter, method: 'counter' })
    await deliverLast(d.id, 'dossier.result-returned')

    const code = (await messagesOf(d.id)).at(-1)?.payload.code ?? ''
    assert.deepEqual(
      inbox.to(email).map((m) => m.subject),
      [
        `Yêu cầu bổ sung, hoàn thiện hồ sơ ${code}`,
        `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`,
        `Kết quả giải quyết hồ sơ ${code} đã sẵn sàng`,
        `Hồ sơ ${code} đã trả kết quả – mời Ông/Bà đánh giá`,
      ],
    )
    assert.match(inbox.to(email)[0]?.text ?? '', /- Giấy chứng sinh bản chính/)
    assert.match(inbox.to(email)[3]?.text ?? '', /đánh giá mức độ hài lòng.*\/ho-so-cua-toi\//)
    const sms = smsTo('84905111002').map((m) => m.content)
    assert.equal(sms.length, 4)
    assert.match(sms[0] ?? '', /^Ho so .* can bo sung: Giay chung sinh ban chinh/)
    assert.match(sms[1] ?? '', /^Xin loi Ong\/Ba: ho so .* Hen lai: \d\dh\d\d \d\d\/\d\d\/\d{4}/)
    assert.match(sms[2] ?? '', /da co ket qua \(so 125\/GKS\)/)
    for (const text of sms) assert.ok(text.length <= 160 && /^[\x20-\x7e]+$/.test(text), text)
  })

  test('an applicant who declined SMS gets the e-mail only, and the SMS is recorded as skipped', async () => {
    const email = 'lan.nosms@example.vn'
    await database.db
      .insertInto('notification_preferences')
      .values({ applicant_key: 'citizen:056190000103', email: true, sms: false })
      .execute()
    const d = await dossierOf({ email, phone: '0905111003', identityNumber: '056190000103' })
    await d.run({ action: 'receive', actor: actors.counter })
    const message = await deliverLast(d.id, 'dossier.received')
    assert.equal(inbox.to(email).length, 1)
    assert.equal(smsTo('84905111003').length, 0)
    assert.deepEqual(await statusOf(message.id), ['email:sent', 'sms:skipped'])
  })

  test('redelivering a message sends nothing new', async () => {
    const email = 'lan.again@example.vn'
    const d = await dossierOf({ email, phone: '0905111004', identityNumber: '056190000104' })
    await d.run({ action: 'receive', actor: actors.counter })
    const message = await deliverLast(d.id, 'dossier.received')
    await consumer.deliver(message)
    await consumer.deliver(message)
    assert.equal(inbox.to(email).length, 1)
    assert.equal(smsTo('84905111004').length, 1)
  })

  test('with the SMS gateway down the delivery makes one attempt, throws and records the failure; the retry once it is up sends the SMS alone', async () => {
    const email = 'lan.down@example.vn'
    const d = await dossierOf({ email, phone: '0905111005', identityNumber: '056190000105' })
    await d.run({ action: 'receive', actor: actors.counter })
    const message = (await messagesOf(d.id)).findLast((m) => m.topic === 'dossier.received')
    assert.ok(message)
    gateway.down = true
    const refusedBefore = gateway.refused
    await assert.rejects(consumer.deliver(message), /SMS gateway: HTTP 503/)
    assert.equal(gateway.refused - refusedBefore, 1, 'one attempt: the relay, not the adapter, retries')
    assert.deepEqual(await statusOf(message.id), ['email:sent', 'sms:failed'])
    gateway.down = false
    await consumer.deliver(message)
    assert.deepEqual(await statusOf(message.id), ['email:sent', 'sms:sent'])
    assert.equal(inbox.to(email).length, 1, 'the e-mail is not sent twice')
    assert.equal(smsTo('84905111005').length, 1)
  })

  test('events the applicant need not hear about are not accepted', async () => {
    const d = await dossierOf({ email: 'lan.quiet@example.vn', identityNumber: '056190000106' })
    const [submitted] = await messagesOf(d.id)
    assert.ok(submitted)
    assert.equal(consumer.accepts(submitted), false)
  })
})
