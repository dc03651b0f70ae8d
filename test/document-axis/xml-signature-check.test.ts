import assert from 'node:assert/strict'
import { test } from 'node:test'
import { generateAgencyCertificate, generateDemoCa } from '../../src/adapters/signing/certificates.ts'
import { checkPackageSignature } from '../../src/adapters/signing/xml-signature-check.ts'
import { signPackage } from '../../src/adapters/signing/xml-signer.ts'
import { buildPackage } from '../../src/domain/documents/edxml/build-package.ts'
import { consultationLetter } from './exchange-documents.ts'

const now = new Date('2026-12-03T02:15:00Z')
const key = generateAgencyCertificate(
  generateDemoCa(now),
  { commonName: 'Sở Tư pháp', organization: 'Tỉnh Khánh Hòa', country: 'VN' },
  now,
)
const unsigned = buildPackage(consultationLetter(), { business: 'new', sentAt: now })
const signed = signPackage(unsigned, key)

test('a received package as signed checks valid', () => {
  assert.equal(checkPackageSignature(signed), 'valid')
})

test('a received package changed after signing checks invalid', () => {
  assert.equal(checkPackageSignature(signed.replace('lấy ý kiến', 'lấy ý kiếm')), 'invalid')
})

test('a received package with a second signature checks invalid', () => {
  const signature = /<Signature [\s\S]*<\/Signature>/.exec(signed)?.[0] ?? ''
  assert.equal(
    checkPackageSignature(signed.replace('</edXML:edXMLHeader>', `${signature}</edXML:edXMLHeader>`)),
    'invalid',
  )
})

test('a received package without a signature checks absent', () => {
  assert.equal(checkPackageSignature(unsigned), 'absent')
})
