import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import fc from 'fast-check'
import { validateXML } from 'xmllint-wasm'
import { generateAgencyCertificate, generateDemoCa } from '../../src/adapters/signing/certificates.ts'
import { signPackage } from '../../src/adapters/signing/xml-signer.ts'
import { buildPackage } from '../../src/domain/documents/edxml/build-package.ts'
import { anyDocument, consultationLetter } from './exchange-documents.ts'

const schema = readFileSync(new URL('../../src/domain/documents/edxml/edxml.xsd', import.meta.url), 'utf8')
const sentAt = new Date('2026-12-03T02:15:00Z')

const validate = async (xml: string) => {
  const result = await validateXML({
    xml: [{ fileName: 'package.xml', contents: xml }],
    schema: [{ fileName: 'edxml.xsd', contents: schema }],
  })
  return { valid: result.valid, errors: result.errors.map((e) => e.message).join('\n') }
}

test('every package we build is valid against our edXML schema (xmllint)', async () => {
  await fc.assert(
    fc.asyncProperty(
      anyDocument,
      fc.constantFrom('new', 'revocation', 'update', 'replacement' as const),
      async (document, business) => {
        const target =
          business === 'new'
            ? undefined
            : { organId: '000.00.00.H34', number: '1', notation: 'UBND-VP', promulgatedOn: '2026-01-02' }
        const result = await validate(buildPackage(document, { business, sentAt, ...(target ? { target } : {}) }))
        assert.ok(result.valid, result.errors)
      },
    ),
    { numRuns: 25 },
  )
})

test('a signed package is still valid against the schema', async () => {
  const ca = generateDemoCa(sentAt)
  const key = generateAgencyCertificate(
    ca,
    { commonName: 'Sở Y tế', organization: 'Tỉnh Khánh Hòa', country: 'VN' },
    sentAt,
  )
  const result = await validate(signPackage(buildPackage(consultationLetter(), { business: 'new', sentAt }), key))
  assert.ok(result.valid, result.errors)
})

test('the schema refuses a package without recipients', async () => {
  const xml = buildPackage(consultationLetter(), { business: 'new', sentAt }).replace(/<edXML:To>.*?<\/edXML:To>/, '')
  assert.equal((await validate(xml)).valid, false)
})
