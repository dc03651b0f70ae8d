import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story } from '../../../test/support/dossier-fixtures.ts'
import { formContext } from '../../../test/support/form-context.ts'
import { buildDossierForm } from './build.ts'
import type { FormBlock, FormDocument } from './form-document.ts'

// Decree 118/2025/NĐ-CP, as Decree 61/2018/NĐ-CP Art. 15(2)(b) before it: an incomplete dossier at
// reception gets the counter's guidance once, fully, in writing — Phiếu yêu cầu bổ sung, hoàn thiện
// hồ sơ (form 02), each item with why. A later request in processing is what form 02 prints then.

const guided = () =>
  new Story().submit('2026-11-23T20:00').do('2026-11-24T08:30', {
    action: 'request-reception-supplement',
    actor: actors.counter,
    items: [
      { name: 'Giấy chứng sinh', reason: 'Chưa nộp' },
      { name: 'Tờ khai đăng ký khai sinh', reason: 'Thiếu chữ ký của người đi khai sinh' },
    ],
    reason: 'Hồ sơ chưa đầy đủ',
  })

const table = (doc: FormDocument) =>
  doc.blocks.find((b): b is Extract<FormBlock, { kind: 'table' }> => b.kind === 'table')
const text = (doc: FormDocument) => JSON.stringify(doc.blocks)

test('before reception, form 02 lists each item the counter asked for with its own reason, signed by that officer', () => {
  const doc = buildDossierForm('02', guided().dossier, formContext)
  assert.ok(doc, 'form 02 applies at reception')
  assert.equal(doc.title, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ')
  assert.deepEqual(table(doc)?.rows, [
    ['1', 'Giấy chứng sinh', 'Chưa nộp'],
    ['2', 'Tờ khai đăng ký khai sinh', 'Thiếu chữ ký của người đi khai sinh'],
  ])
  assert.equal(doc.header.agency, 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BẮC NHA TRANG')
  assert.equal(doc.header.number, null, 'no dossier code yet')
  assert.ok(text(doc).includes('Ngày nộp hồ sơ'))
  const signature = doc.blocks.find((b) => b.kind === 'signatures')
  assert.deepEqual(signature?.kind === 'signatures' ? signature.blocks.map((s) => [s.title, s.name]) : [], [
    ['NGƯỜI HƯỚNG DẪN', actors.counter.name],
  ])
})

test('once a request is made in processing, form 02 prints that request instead', () => {
  const s = guided()
    .do('2026-11-25T08:00', { action: 'receive-supplement', actor: actors.counter, components: [] })
    .receive('2026-11-25T09:00')
    .do('2026-11-25T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-26T09:00', {
      action: 'request-supplement',
      actor: actors.specialist,
      items: ['Bản sao Giấy chứng nhận kết hôn của cha, mẹ'],
      reason: 'Thiếu giấy tờ chứng minh quan hệ hôn nhân',
      exception: null,
    })
  const doc = buildDossierForm('02', s.dossier, formContext)
  assert.deepEqual(table(doc as FormDocument)?.rows, [
    ['1', 'Bản sao Giấy chứng nhận kết hôn của cha, mẹ', 'Thiếu giấy tờ chứng minh quan hệ hôn nhân'],
  ])
  assert.equal(doc?.header.number, `Số: ${s.dossier.code}/YCBS-1`)
})

test('without guidance or request, form 02 does not apply', () => {
  assert.equal(buildDossierForm('02', new Story().submit('2026-11-23T20:00').dossier, formContext), null)
})
