import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AcceptedType, detectType, extensionOf, sniffLength } from './detect-type.ts'

const bytes = (...b: number[]) => Uint8Array.from(b)

test('PDF, JPEG and PNG are told apart by their first bytes', () => {
  assert.equal(detectType(Buffer.from('%PDF-1.7\n%âãÏÓ\n')), AcceptedType.Pdf)
  assert.equal(detectType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46)), AcceptedType.Jpeg)
  assert.equal(detectType(bytes(0xff, 0xd8, 0xff, 0xe1)), AcceptedType.Jpeg)
  assert.equal(detectType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)), AcceptedType.Png)
})

test('anything else is unsupported, whatever its name would say', () => {
  assert.equal(detectType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00')), null, 'a Windows executable')
  assert.equal(detectType(Buffer.from('\x7fELF\x02\x01\x01\x00')), null, 'an ELF executable')
  assert.equal(detectType(Buffer.from('PK\x03\x04\x14\x00\x06\x00')), null, 'a ZIP / DOCX')
  assert.equal(detectType(Buffer.from('<html><body>%PDF-')), null, 'the magic must be at the start')
  assert.equal(detectType(Buffer.from(' %PDF-1.4')), null, 'no leading whitespace')
  assert.equal(detectType(Buffer.from('GIF89a')), null)
})

test('a head too short to carry a whole signature is unsupported', () => {
  assert.equal(detectType(bytes()), null)
  assert.equal(detectType(Buffer.from('%PDF')), null)
  assert.equal(detectType(bytes(0xff, 0xd8)), null)
  assert.equal(detectType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a)), null)
  assert.equal(sniffLength, 8)
})

test('extensions for download names', () => {
  assert.deepEqual([AcceptedType.Pdf, AcceptedType.Jpeg, AcceptedType.Png].map(extensionOf), ['pdf', 'jpg', 'png'])
})
