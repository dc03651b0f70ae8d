import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { generateAgencyCertificate, generateDemoCa, type KeyPairPem } from '../../src/adapters/signing/certificates.ts'
import { signPackage } from '../../src/adapters/signing/xml-signer.ts'
import { buildPackage } from '../../src/domain/documents/edxml/build-package.ts'
import { parsePackage } from '../../src/domain/documents/edxml/parse-package.ts'
import { requireTools } from '../support/debian-tools.ts'
import { consultationLetter } from './exchange-documents.ts'
import { xmlsecVerifies } from './xmlsec.ts'

const xmlsec = requireTools('xmlsec1')

const now = new Date('2026-12-03T02:15:00Z')
let ca: KeyPairPem
let agency: KeyPairPem
let signed: string

before(() => {
  ca = generateDemoCa(now)
  agency = generateAgencyCertificate(
    ca,
    { commonName: 'Ủy ban nhân dân tỉnh Khánh Hòa', organization: 'Tỉnh Khánh Hòa', country: 'VN' },
    now,
  )
  signed = signPackage(buildPackage(consultationLetter(), { business: 'new', sentAt: now }), agency)
})

test("a signed package verifies with xmlsec1 against the agency's CA", { skip: xmlsec }, async () => {
  const result = await xmlsecVerifies(signed, ca.certificatePem)
  assert.ok(result.valid, result.output)
})

test('one flipped byte of an attachment breaks the signature', { skip: xmlsec }, async () => {
  const at = signed.indexOf('<edXML:ContentTransferEncoded>') + '<edXML:ContentTransferEncoded>'.length
  const flipped = signed.slice(0, at) + (signed[at] === 'A' ? 'B' : 'A') + signed.slice(at + 1)
  assert.equal((await xmlsecVerifies(flipped, ca.certificatePem)).valid, false)
})

test('a signature by a certificate outside the trusted CA is refused', { skip: xmlsec }, async () => {
  const otherCa = generateDemoCa(now)
  assert.equal((await xmlsecVerifies(signed, otherCa.certificatePem)).valid, false)
})

test('the signature sits in edXMLHeader, where the axis places it, and the package still reads', () => {
  const parsed = parsePackage(signed)
  assert.ok(parsed.ok && parsed.package.signed)
})

test('the signature is RSA-SHA256 over exclusive C14N with the certificate in KeyInfo', () => {
  const algorithms = [...signed.matchAll(/Algorithm="([^"]+)"/g)].map((m) => m[1])
  assert.deepEqual(
    [algorithms, signed.includes('<X509Certificate>')],
    [
      [
        'http://www.w3.org/2001/10/xml-exc-c14n#',
        'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
        'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
        'http://www.w3.org/2001/10/xml-exc-c14n#',
        'http://www.w3.org/2001/04/xmlenc#sha256',
      ],
      true,
    ],
  )
})
