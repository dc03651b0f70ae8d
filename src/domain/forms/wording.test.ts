import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseInstant } from '../calendar/local-time.ts'
import { appointmentWording, dateWording, timeWording, trackingUrl } from './build.ts'
import { circular032025 } from './circular-03-2025.ts'
import { fill, templateFor } from './templates.ts'

const at = (iso: string) => parseInstant(iso) as number

test('times are worded "hh giờ mm phút, ngày dd tháng mm năm yyyy" in Vietnam time, whatever the input zone', () => {
  assert.equal(timeWording(at('2026-11-26T03:05:00Z')), '10 giờ 05 phút, ngày 26 tháng 11 năm 2026')
  // 23:30 UTC on 31 Dec is 06:30 on 1 Jan in Vietnam: the local date, zero-padded.
  assert.equal(timeWording(at('2026-12-31T23:30:00Z')), '06 giờ 30 phút, ngày 01 tháng 01 năm 2027')
  assert.equal(timeWording(at('2027-02-08T17:00:00+07:00')), '17 giờ 00 phút, ngày 08 tháng 02 năm 2027')
  assert.equal(dateWording(at('2027-02-08T00:10:00+07:00')), 'ngày 08 tháng 02 năm 2027')
})

test('a procedure with no fixed time prints the statutory sentence instead of a return time', () => {
  assert.equal(appointmentWording(null), 'Không có ngày hẹn trả cụ thể theo quy định')
  assert.equal(appointmentWording(at('2026-12-03T10:00:00+07:00')), '10 giờ 00 phút, ngày 03 tháng 12 năm 2026')
})

test('templates are data: placeholders fill, overrides per procedure replace only what they name', () => {
  assert.equal(fill('{a} và {b} {c}', { a: 1, b: 'hai' }), '1 và hai {c}')
  const custom = templateFor('01', circular032025, '9.999', {
    '9.999': { '01': { title: 'GIẤY BIÊN NHẬN', labels: { fees: 'Lệ phí' } } },
  })
  assert.equal(custom.title, 'GIẤY BIÊN NHẬN')
  assert.equal(custom.labels.fees, 'Lệ phí')
  assert.equal(custom.labels.code, circular032025['01'].labels.code)
  assert.equal(templateFor('01', circular032025, '1.001193'), circular032025['01'])
  assert.equal(
    trackingUrl('https://x.vn/', '333.00.01.H34-261126-0001'),
    'https://x.vn/tra-cuu?ma=333.00.01.H34-261126-0001',
  )
})
