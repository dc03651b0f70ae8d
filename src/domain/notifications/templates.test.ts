import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { actors, at, Story } from '../../../test/support/dossier-fixtures.ts'
import type { DossierEvent } from '../dossier/events.ts'
import { applyEvent, type Dossier } from '../dossier/state.ts'
import { fitSms, smsLimit, unaccented } from './sms-text.ts'
import { noticeTime, notificationFor } from './templates.ts'

const procedure = 'Đăng ký khai sinh'
const links = { publicBaseUrl: 'https://dichvucong.example.vn/', dossierId: 'd-1' }

/** The last event of a story and the dossier right after it. */
const lastOf = (story: Story): [DossierEvent, Dossier] => [story.events.at(-1) as DossierEvent, story.dossier]
const received = () => new Story().submit('2026-11-02T20:00').receive('2026-11-03T09:00')

test('the reception notice gives the code, the appointment in Vietnam time and the tracking link', () => {
  const [event, d] = lastOf(received())
  const n = notificationFor(event, d, procedure, links)
  assert.ok(n)
  assert.equal(n.kind, 'reception')
  assert.equal(n.subject, 'Hồ sơ 000.33.33.H34-261123-0001 đã được tiếp nhận')
  assert.match(n.text, /^Kính gửi Ông\/Bà Nguyễn Thị Lan,/)
  assert.match(n.text, /Thời gian tiếp nhận: 09 giờ 00, ngày 03\/11\/2026\./)
  assert.ok(d.appointmentAt !== null && n.text.includes(noticeTime(d.appointmentAt)))
  assert.ok(n.text.includes('https://dichvucong.example.vn/tra-cuu?ma=000.33.33.H34-261123-0001'))
  assert.equal(
    n.sms,
    'Ho so 000.33.33.H34-261123-0001 (Dang ky khai sinh) da duoc tiep nhan. Hen tra ket qua: 09h00 17/11/2026. Tra cuu tai https://dichvucong.example.vn/tra-cuu',
  )
})

test('times are written "hh giờ mm, ngày dd/mm/yyyy" in Vietnam time, whatever the instant’s UTC date', () => {
  assert.equal(noticeTime(at('2026-12-31T23:05:00Z')), '06 giờ 05, ngày 01/01/2027')
})

test('a supplement request lists every missing component and the reason; before reception it links the dossier page', () => {
  const story = new Story().submit('2026-11-02T20:00')
  story.do('2026-11-03T08:00', {
    action: 'request-reception-supplement',
    actor: actors.counter,
    items: ['Giấy chứng sinh', 'Bản sao CCCD của người đi khai'],
    reason: 'Thiếu giấy tờ bắt buộc',
  })
  const [event, d] = lastOf(story)
  const n = notificationFor(event, d, procedure, links)
  assert.ok(n)
  assert.equal(n.kind, 'supplement-request')
  assert.match(n.text, /- Giấy chứng sinh\n- Bản sao CCCD của người đi khai/)
  assert.match(n.subject, /nộp lúc 20 giờ 00, ngày 02\/11\/2026/)
  assert.ok(n.sms.includes('https://dichvucong.example.vn/ho-so-cua-toi/d-1'))
})

test('the apology gives the original and the new appointment and the reason', () => {
  const story = received().do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })
  const before = story.dossier.appointmentAt as number
  story.do('2026-11-04T10:00', {
    action: 'issue-apology',
    actor: actors.leader,
    reason: 'phải xác minh thêm thông tin',
    newAppointmentAt: before + 2 * 86_400_000,
  })
  const [event, d] = lastOf(story)
  const n = notificationFor(event, d, procedure, links)
  assert.ok(n)
  assert.equal(n.kind, 'apology')
  assert.ok(n.text.includes(`hẹn trả kết quả vào ${noticeTime(before)}`))
  assert.ok(n.text.includes(`Thời gian hẹn trả kết quả mới: ${noticeTime(before + 2 * 86_400_000)}`))
  assert.match(n.text, /thành thật xin lỗi/)
})

test('a payment request states the amount in đồng with Vietnamese digit grouping', () => {
  const [, d] = lastOf(received())
  const event: DossierEvent = {
    type: 'payment-required',
    at: d.receivedAt as number,
    actor: actors.specialist,
    amountVnd: 1_500_000,
    reason: 'Lệ phí trước bạ',
  }
  const n = notificationFor(event, applyEvent(d, event), procedure, links)
  assert.ok(n?.text.includes('cần nộp 1.500.000 đồng'))
  assert.ok(n?.sms.includes('nop 1.500.000 dong'))
})

test('the returned notice invites the applicant to rate the service on their dossier page', () => {
  const [, d] = lastOf(received())
  const event: DossierEvent = {
    type: 'result-returned',
    at: d.receivedAt as number,
    actor: actors.counter,
    method: 'counter',
  }
  const n = notificationFor(event, applyEvent(d, event), procedure, links)
  assert.equal(n?.kind, 'result-returned')
  assert.match(
    n?.text ?? '',
    /Mời Ông\/Bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ tại: https:\/\/dichvucong\.example\.vn\/ho-so-cua-toi\/d-1/,
  )
})

test('events the applicant need not hear about give no notice', () => {
  const story = received().do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })
  const [event, d] = lastOf(story)
  assert.equal(notificationFor(event, d, procedure, links), null)
})

test('unaccented text drops every diacritic and đ', () => {
  assert.equal(
    unaccented('Đăng ký khai sinh – Phường Bắc Nha Trang, “đủ”'),
    'Dang ky khai sinh - Phuong Bac Nha Trang, "du"',
  )
})

test('an SMS is printable ASCII within 160 characters and keeps its link whatever the reason’s length', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (reason) => {
      const sms = fitSms(
        'Ho so {ref} da dung xu ly. Ly do: {reason}. Chi tiet: {url}',
        { ref: 'X-1', reason, url: 'https://a.vn/tra-cuu?ma=X-1' },
        'reason',
      )
      assert.ok(sms.length <= smsLimit, sms)
      assert.match(sms, /^[\x20-\x7e]*$/)
      assert.ok(sms.endsWith('Chi tiet: https://a.vn/tra-cuu?ma=X-1'), sms)
    }),
  )
})
