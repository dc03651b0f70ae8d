import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { buildPackage } from '../../src/domain/documents/edxml/build-package.ts'
import { documentIdOf } from '../../src/domain/documents/edxml/document-id.ts'
import { parsePackage } from '../../src/domain/documents/edxml/parse-package.ts'
import { anyDocument, consultationLetter } from './exchange-documents.ts'

const sentAt = new Date('2026-12-03T02:15:00Z')

test('a package read back gives the same document fields, Vietnamese text with diacritics included', () => {
  fc.assert(
    fc.property(anyDocument, (document) => {
      const parsed = parsePackage(buildPackage(document, { business: 'new', sentAt }))
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems))
      const { documentId, business, targetDocumentId, reason, sentAt: at, signed, ...fields } = parsed.package
      assert.deepEqual(fields, structuredClone(document))
    }),
    { numRuns: 150 },
  )
})

test('the package names the document by agency code, day and number/notation', () => {
  const parsed = parsePackage(buildPackage(consultationLetter(), { business: 'new', sentAt }))
  assert.ok(parsed.ok)
  assert.equal(parsed.package.documentId, '000.00.00.H34,2026/12/03,123/UBND-VP')
})

test('the trace header carries the moment of sending, to the second', () => {
  const parsed = parsePackage(buildPackage(consultationLetter(), { business: 'new', sentAt }))
  assert.ok(parsed.ok)
  assert.equal(parsed.package.sentAt.toISOString(), sentAt.toISOString())
})

for (const business of ['revocation', 'update', 'replacement'] as const)
  test(`a ${business} package names the document it acts on`, () => {
    const target = { organId: '000.00.00.H34', number: '120', notation: 'UBND-VP', promulgatedOn: '2026-11-30' }
    const parsed = parsePackage(buildPackage(consultationLetter(), { business, target, sentAt }))
    assert.ok(parsed.ok)
    assert.deepEqual([parsed.package.business, parsed.package.targetDocumentId], [business, documentIdOf(target)])
  })

test('a new document cannot name a document it acts on', () => {
  const target = { organId: '000.00.00.H34', number: '120', notation: 'UBND-VP', promulgatedOn: '2026-11-30' }
  assert.throws(() => buildPackage(consultationLetter(), { business: 'new', target, sentAt }), RangeError)
})
