import assert from 'node:assert/strict'
import { test } from 'node:test'
import { attachmentDisposition, maxDisplayNameLength, sanitizeDisplayName } from './display-name.ts'

test('path parts are stripped, with either slash', () => {
  assert.equal(sanitizeDisplayName('../../etc/passwd.pdf'), 'passwd.pdf')
  assert.equal(sanitizeDisplayName('C:\\Users\\lan\\Giấy khai sinh.pdf'), 'Giấy khai sinh.pdf')
  assert.equal(sanitizeDisplayName('/'), null)
  assert.equal(sanitizeDisplayName('..'), null)
  assert.equal(sanitizeDisplayName('.bashrc'), 'bashrc')
})

test('control and direction-changing characters go; Vietnamese stays, in NFC', () => {
  assert.equal(sanitizeDisplayName('bao\u0000cao\r\n.pdf'), 'baocao.pdf')
  assert.equal(sanitizeDisplayName('hoadon\u202Efdp.exe'), 'hoadonfdp.exe')
  assert.equal(sanitizeDisplayName('to\u200Bkhai.pdf'), 'tokhai.pdf')
  const decomposed = 'To\u0302\u0300 khai.pdf'.normalize('NFD')
  assert.equal(sanitizeDisplayName(decomposed), 'Tồ khai.pdf'.normalize('NFC'))
  assert.equal(sanitizeDisplayName('   '), null)
  assert.equal(sanitizeDisplayName(undefined), null)
})

test('long names are capped and keep their extension', () => {
  const long = `${'ả'.repeat(500)}.pdf`
  const capped = sanitizeDisplayName(long) ?? ''
  assert.equal([...capped].length, maxDisplayNameLength)
  assert.ok(capped.endsWith('.pdf'))
  assert.equal([...(sanitizeDisplayName('x'.repeat(400)) ?? '')].length, maxDisplayNameLength)
})

test('the download header carries the name percent-encoded as UTF-8', () => {
  assert.equal(attachmentDisposition('Tờ khai (1).pdf'), "attachment; filename*=UTF-8''T%E1%BB%9D%20khai%20%281%29.pdf")
  assert.equal(attachmentDisposition(`a";b'.pdf`), "attachment; filename*=UTF-8''a%22%3Bb%27.pdf")
})
