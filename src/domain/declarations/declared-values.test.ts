import assert from 'node:assert/strict'
import { test } from 'node:test'
import { marriageRegistration } from '../../../demo/khanh-hoa/forms/marriage-registration.ts'
import { declaredSections, keyFactRows, resultLines, wasCorrected } from './declared-values.ts'
import type { FormDefinition } from './form-definition.ts'

const t = (vi: string, en: string) => ({ vi, en })

/** A household form with a repeating group of members and a group of contact fields. */
const household: FormDefinition = {
  version: 1,
  title: t('Tờ khai hộ gia đình', 'Household declaration'),
  schema: {},
  layout: {
    steps: [
      {
        id: 'household',
        title: t('Hộ', 'Household'),
        sections: [
          {
            id: 'members',
            title: t('Thành viên', 'Members'),
            fields: [
              {
                path: 'contact',
                label: t('Liên hệ', 'Contact'),
                widget: 'group',
                fields: [{ path: 'phone', label: t('Điện thoại', 'Phone'), widget: 'phone' }],
              },
              {
                path: 'members',
                label: t('Các thành viên', 'Members'),
                widget: 'repeat',
                fields: [
                  { path: 'fullName', label: t('Họ tên', 'Name'), widget: 'text' },
                  { path: 'sex', label: t('Giới tính', 'Sex'), widget: 'select', codeList: 'sex' },
                  { path: 'birthDate', label: t('Ngày sinh', 'Born'), widget: 'date' },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  rules: [],
  computed: [],
  codeLists: {
    sex: {
      source: 'test',
      entries: [
        { code: 'male', vi: 'Nam', en: 'Male' },
        { code: 'female', vi: 'Nữ', en: 'Female' },
      ],
    },
  },
  attachments: [],
  keyFacts: ['members/0/fullName', 'contact/phone'],
  result: {
    title: t('Giấy xác nhận', 'Certificate'),
    decisionSchema: {},
    decisionLayout: [
      { id: 'd', title: t('Quyết định', 'Decision'), fields: [{ path: 'on', label: t('Ngày', 'On'), widget: 'date' }] },
    ],
    lines: [
      { label: t('Chủ hộ', 'Head'), from: 'declaration', path: 'members/0/fullName' },
      { label: t('Ngày cấp', 'Issued on'), from: 'decision', path: 'on' },
    ],
  },
  source: { title: 'test', url: null, illustrative: [] },
}
const data = {
  contact: { phone: '0905000001' },
  members: [
    { fullName: 'Trần Văn An', sex: 'male', birthDate: '1970-01-02' },
    { fullName: 'Trần Thị Bé', sex: 'female', birthDate: '2010-12-31' },
  ],
}

test('a repeating group reads as a table: one row per item, each cell with its full path', () => {
  const [section] = declaredSections(household, data)
  const table = section?.entries.find((e) => e.kind === 'table')
  assert.ok(table?.kind === 'table')
  assert.deepEqual(
    table.columns.map((c) => c.label.vi),
    ['Họ tên', 'Giới tính', 'Ngày sinh'],
  )
  assert.deepEqual(table.rows[1], [
    { path: 'members/1/fullName', value: 'Trần Thị Bé' },
    { path: 'members/1/sex', value: 'Nữ' },
    { path: 'members/1/birthDate', value: '31/12/2010' },
  ])
})

test('a group’s fields read with their full paths', () => {
  const [section] = declaredSections(household, data)
  assert.deepEqual(section?.entries[0], {
    kind: 'field',
    path: 'contact/phone',
    label: t('Điện thoại', 'Phone'),
    value: '0905000001',
  })
})

test('key facts name each path’s label, inside a repeat too, in the language asked for', () => {
  assert.deepEqual(keyFactRows(household, data, {}, 'en'), [
    { label: 'Name', value: 'Trần Văn An' },
    { label: 'Phone', value: '0905000001' },
  ])
})

test('result lines take their values from the declaration and from the decision fields', () => {
  assert.deepEqual(resultLines(household, data, { on: '2026-12-02' }), [
    { label: 'Chủ hộ', value: 'Trần Văn An' },
    { label: 'Ngày cấp', value: '02/12/2026' },
  ])
  assert.equal(resultLines(household, data, null)[1]?.value, '', 'no decision yet: the line is blank')
})

test('a field counts as corrected when its path, a part of it or a whole it belongs to was changed', () => {
  assert.equal(wasCorrected(['husband/birthDate'], 'husband/birthDate'), true)
  assert.equal(wasCorrected(['husband/residence/street'], 'husband/residence'), true)
  assert.equal(wasCorrected(['members/1'], 'members/1/fullName'), true)
  assert.equal(wasCorrected(['husband/birthDate'], 'husband/birth'), false, 'a prefix of a segment is another field')
  assert.equal(wasCorrected(['husband/birthDate'], 'wife/birthDate'), false)
})

test('key facts with the same label are told apart by their section (the bride’s and the groom’s name)', () => {
  const form = marriageRegistration({ provinceCode: '56', communes: [], attachments: [] })
  const rows = keyFactRows(form, { wife: { fullName: 'Nguyễn Thị Lan' }, husband: { fullName: 'Lê Văn Minh' } })
  assert.deepEqual(rows.slice(0, 1), [{ label: 'Họ, chữ đệm, tên (Thông tin bên nữ)', value: 'Nguyễn Thị Lan' }])
  assert.equal(rows[2]?.label, 'Họ, chữ đệm, tên (Thông tin bên nam)')
})
