import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { smtpMailer } from '../../src/adapters/mail/smtp-mailer.ts'
import { smsGateway } from '../../src/adapters/sms/sms-gateway.ts'
import type { SurveyInvitation } from '../../src/app/survey/open-survey-period.ts'
import type { OutboxMessage } from '../../src/domain/delivery/outbox-message.ts'
import { surveyInvitationConsumer } from '../../src/jobs/survey-invitations-consumer.ts'
import { type FakeSmsGateway, startFakeSmsGateway } from '../support/fake-sms-gateway.ts'
import { type SmtpInbox, startSmtpInbox } from '../support/smtp-inbox.ts'

let gateway: FakeSmsGateway
let inbox: SmtpInbox
let consumer: ReturnType<typeof surveyInvitationConsumer>
before(async () => {
  gateway = await startFakeSmsGateway()
  inbox = await startSmtpInbox()
  consumer = surveyInvitationConsumer({
    sms: smsGateway({ url: gateway.url, apiKey: gateway.apiKey, brandname: 'UBND KHOA' }),
    mailer: smtpMailer({ url: inbox.url, from: '"Một cửa điện tử" <motcua@example.vn>' }),
  })
})
after(async () => {
  await gateway.close()
  await inbox.close()
})

const message = (invitation: Partial<SurveyInvitation>, id: number): OutboxMessage =>
  ({
    id,
    topic: 'survey.invitation',
    key: `survey:p:${id}`,
    payload: {
      periodId: 'p',
      dossierCode: 'H22.333-261110-0001',
      phone: null,
      email: null,
      link: 'https://motcua.example.vn/khao-sat/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      ...invitation,
    },
    createdAt: new Date(),
  }) as unknown as OutboxMessage

test('an invitation with a phone goes as one SMS carrying the link', async () => {
  await consumer.deliver(message({ phone: '0905123456', email: 'an@example.vn' }, 1))
  assert.equal(gateway.messages.length, 1)
  assert.match(gateway.messages[0]?.content ?? '', /\/khao-sat\/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG$/)
})

test('an invitation without a phone goes by e-mail, Vietnamese first', async () => {
  await consumer.deliver(message({ email: 'binh@example.vn' }, 2))
  const mail = inbox.to('binh@example.vn')[0]
  assert.match(mail?.text ?? '', /^Kính mời ông\/bà đánh giá/)
})

test('the consumer takes only survey invitations', () => {
  assert.equal(consumer.accepts({ ...message({}, 3), topic: 'dossier.received' }), false)
})
