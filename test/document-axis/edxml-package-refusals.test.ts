import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildPackage } from '../../src/domain/documents/edxml/build-package.ts'
import { parsePackage } from '../../src/domain/documents/edxml/parse-package.ts'
import { consultationLetter } from './exchange-documents.ts'

const good = buildPackage(consultationLetter(), { business: 'new', sentAt: new Date('2026-12-03T02:15:00Z') })
const problemsOf = (xml: string) => {
  const parsed = parsePackage(xml)
  assert.ok(!parsed.ok, 'the package should be refused')
  return parsed.problems
}

test('text that is not XML is refused with a problem in Vietnamese and English', () => {
  const [problem] = problemsOf('<edXML:edXML><unclosed>')
  assert.match(`${problem?.vi} | ${problem?.en}`, /không phải XML hợp lệ.* \| .*not well-formed XML/)
})

test('a package without a subject is refused naming the missing element', () => {
  const paths = problemsOf(good.replace(/<edXML:Subject>.*?<\/edXML:Subject>/, '')).map((p) => p.path)
  assert.deepEqual(paths, ['/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Subject'])
})

test('a sender code outside the QCVN 102 pattern is refused', () => {
  const paths = problemsOf(
    good.replace('<edXML:OrganId>000.00.00.H34</edXML:OrganId>', '<edXML:OrganId>28.22.H17</edXML:OrganId>'),
  ).map((p) => p.path)
  assert.deepEqual(paths, ['/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganId'])
})

test('every problem of a package is reported, not only the first', () => {
  const broken = good
    .replace(/<edXML:Subject>.*?<\/edXML:Subject>/, '')
    .replace(/<edXML:PromulgationDate>2026\/12\/03/, '<edXML:PromulgationDate>03/12/2026')
  assert.equal(problemsOf(broken).length, 2)
})

test('a package without attachments is refused', () => {
  const paths = problemsOf(
    good.replace(
      /<edXML:AttachmentEncoded>.*<\/edXML:AttachmentEncoded>/,
      '<edXML:AttachmentEncoded></edXML:AttachmentEncoded>',
    ),
  ).map((p) => p.path)
  assert.ok(paths.includes('/edXML/AttachmentEncoded'), paths.join(', '))
})
