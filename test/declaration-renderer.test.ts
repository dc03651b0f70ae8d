import assert from 'node:assert/strict'
import { test } from 'node:test'
import { marriageRegistration } from '../demo/khanh-hoa/forms/marriage-registration.ts'
import { declarationData, sectionsOf, visibleSpots } from '../web/src/forms/layout-walk.ts'
import { formatIsoDate, parseTypedDate } from '../web/src/forms/typed-date.ts'
import { declarationErrors, serverErrors } from '../web/src/forms/validate.ts'

const form = marriageRegistration({
  provinceCode: '56',
  communes: [{ code: '22333', name: 'Phường Bắc Nha Trang' }],
  attachments: [],
})

test('a date is typed day first (05/03/1990, 5-3-1990, 05031990) and kept as ISO; 31/02 is no date', () => {
  for (const typed of ['05/03/1990', '5/3/1990', '5-3-1990', '5.3.1990', '05031990'])
    assert.equal(parseTypedDate(typed), '1990-03-05', typed)
  assert.equal(parseTypedDate('31/02/1990'), null)
  assert.equal(parseTypedDate('1990-03-05'), null)
  assert.equal(formatIsoDate('1990-03-05'), '05/03/1990')
})

test('a hidden field’s value is not sent: the passport of a Vietnamese spouse is dropped, blanks too', () => {
  const entered = {
    wife: { nationality: 'VN', identityNumber: '056196000123', passportNumber: 'B1234567', fullName: '' },
  }
  assert.deepEqual(declarationData(form, entered), { wife: { nationality: 'VN', identityNumber: '056196000123' } })
  const shown = visibleSpots(sectionsOf(form, ['wife']), entered).map((s) => s.path)
  assert.ok(shown.includes('wife/identityNumber') && !shown.includes('wife/passportNumber'))
  assert.ok(shown.includes('wife/residence/commune'), 'an address shows its parts')
})

test('the browser’s checks (@cfworker/json-schema + named rules) name the field paths the server names', () => {
  const errors = declarationErrors(
    form,
    { wife: { birthDate: '2015-01-01', residence: { province: '56', commune: 'x' } } },
    '2026-12-02',
  )
  const paths = errors.map((e) => e.path)
  for (const path of ['wife/fullName', 'wife/residence/commune', 'wife/residence/street', 'husband'])
    assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`)
  const rule = declarationErrors(
    form,
    {
      wife: { ...validSpouse('056196000123', '1996-04-15') },
      husband: { ...validSpouse('056194000456', '1994-09-02') },
    },
    '2026-12-02',
  )
  assert.deepEqual(
    rule.map((e) => [e.path, e.message.vi]),
    [['husband/identityNumber', 'Số định danh không khớp với năm sinh và giới tính']],
  )
  assert.deepEqual(serverErrors([{ path: 'body/declaration/husband/birthDate', message: 'sai', en: 'wrong' }]), [
    { path: 'husband/birthDate', message: { vi: 'sai', en: 'wrong' }, complete: true },
  ])
})

function validSpouse(identityNumber: string, birthDate: string) {
  return {
    fullName: 'Nguyễn Văn A',
    birthDate,
    ethnicity: '01',
    nationality: 'VN',
    residence: { province: '56', commune: '22333', street: '12 Trần Phú' },
    identityNumber,
    marriageCount: 1,
  }
}
