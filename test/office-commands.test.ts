import assert from 'node:assert/strict'
import { test } from 'node:test'
import { commandRoutes } from '../src/http/routes/dossier-commands.ts'
import { commandBody, commands, decisionBody, decisionSections, isRequired } from '../web/src/pages/office/commands.ts'
import { marriageForm } from './support/marriage-declaration.ts'

test('each office form posts to the command route of its own action', () => {
  const pathOf = new Map(commandRoutes.map((r) => [r.action as string, r.path]))
  for (const [action, form] of Object.entries(commands)) assert.equal(form.path, pathOf.get(action), action)
})

test('the appraisal asks for the result template’s decision fields and sends them as `decision`', () => {
  const sections = decisionSections(marriageForm.result.decisionLayout, marriageForm.result.decisionSchema)
  assert.deepEqual(
    sections[0]?.fields.map((f) => [f.path, f.kind, f.required]),
    [
      ['registrationNumber', 'text', true],
      ['book', 'text', true],
      ['registeredOn', 'date', true],
    ],
  )
  assert.deepEqual(
    decisionBody(sections, { registrationNumber: ' 125 ', book: '01/2026', registeredOn: '2026-12-02' }),
    {
      registrationNumber: '125',
      book: '01/2026',
      registeredOn: '2026-12-02',
    },
  )
})

test('form 02 at reception sends each item with its own reason, blank rows left out (Decree 118/2025/NĐ-CP)', () => {
  const form = commands['request-reception-supplement']
  assert.ok(form)
  const body = commandBody(form, {
    items: [
      { key: 0, name: ' Giấy xác nhận cư trú ', reason: ' Chưa có bản chính để đối chiếu ' },
      { key: 1, name: '', reason: 'thừa' },
      { key: 2, name: 'Ảnh 4x6', reason: '' },
    ],
    reason: 'Hồ sơ chưa đủ thành phần',
  })
  assert.deepEqual(body, {
    items: [
      { name: 'Giấy xác nhận cư trú', reason: 'Chưa có bản chính để đối chiếu' },
      { name: 'Ảnh 4x6', reason: '' },
    ],
    reason: 'Hồ sơ chưa đủ thành phần',
  })
})

test('the withdrawal decision is a boolean, and its note is required only when refusing (Circular 03/2025/TT-VPCP)', () => {
  const form = commands['decide-withdrawal']
  assert.ok(form)
  const note = form.fields.find((f) => f.name === 'note')
  assert.ok(note)
  assert.deepEqual(commandBody(form, { accepted: 'yes', note: '' }), { accepted: true, note: '' })
  assert.deepEqual(commandBody(form, { accepted: 'no', note: ' Đã thẩm định xong ' }), {
    accepted: false,
    note: 'Đã thẩm định xong',
  })
  assert.equal(isRequired(note, { accepted: 'yes' }), false)
  assert.equal(isRequired(note, { accepted: 'no' }), true)
})
