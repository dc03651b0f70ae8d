import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fixtureCalendar } from '../../../test/support/dossier-fixtures.ts'
import type { Publication } from '../catalog/publication.ts'
import {
  hasEveryComponent,
  madePublicOnTime,
  type PublishedVersion,
  publicationCounts,
  publishedOnTime,
} from './publication-counts.ts'

const days = fixtureCalendar.days

// Legal basis in force from Wednesday 1 July 2026: five working days before is Wednesday 24 June.
const publication = (o: Partial<Publication> = {}): Publication => ({
  decisionNumber: '1/QĐ-UBND',
  decisionDate: '2026-06-24',
  madePublicOn: '2026-07-01',
  legalBasis: [{ number: '1/2026/NĐ-CP', title: '', effectiveFrom: '2026-07-01' }],
  sequence: 'Bước 1',
  method: 'Trực tiếp',
  applicants: 'Công dân',
  channelLimits: { direct: null, online: null, postal: null },
  forms: [],
  ...o,
})
const version = (p: Publication = publication(), o: Partial<PublishedVersion> = {}): PublishedVersion => ({
  name: 'Thủ tục',
  requiredDocuments: [{ name: 'Tờ khai', form: 'original', quantity: 1, group: null }],
  statutoryTimeLimit: { unit: 'working_days', value: 5 },
  publication: p,
  ...o,
})

test('1.1: a decision five working days before the legal basis takes effect is on time', () => {
  assert.equal(publishedOnTime(publication(), days), true)
})

test('1.1: a decision four working days before is late', () => {
  assert.equal(publishedOnTime(publication({ decisionDate: '2026-06-25' }), days), false)
})

test('1.1: the latest effective date of the legal basis is the one that counts', () => {
  const later = { number: '2/2026/TT-BTP', title: '', effectiveFrom: '2026-08-01' }
  const p = publication({ decisionDate: '2026-06-30', legalBasis: [...publication().legalBasis, later] })
  assert.equal(publishedOnTime(p, days), true)
})

test('1.1: without an effective date of the legal basis it is not on time', () => {
  assert.equal(publishedOnTime(publication({ legalBasis: [] }), days), false)
})

test('1.2: made public on the fifth working day after the decision is on time', () => {
  assert.equal(madePublicOnTime(publication(), days), true)
})

test('1.2: made public on the sixth working day is late', () => {
  assert.equal(madePublicOnTime(publication({ madePublicOn: '2026-07-02' }), days), false)
})

test('1.2: not yet made public is not on time', () => {
  assert.equal(madePublicOnTime(publication({ madePublicOn: null }), days), false)
})

test('1.3: a version without its applicants (đối tượng thực hiện) lacks a component', () => {
  assert.equal(hasEveryComponent(version(publication({ applicants: ' ' }))), false)
})

test('1.3: a version with every Art. 8(2) component is complete', () => {
  assert.equal(hasEveryComponent(version()), true)
})

test('only versions whose decision is dated in the period count', () => {
  const counts = publicationCounts(
    [version(), version(publication({ decisionDate: '2026-01-05' }))],
    { from: '2026-06-01', to: '2026-06-30' },
    days,
  )
  assert.equal(counts?.published, 1)
})

test('without any publication data the counts are absent, not zero', () => {
  assert.equal(publicationCounts([], { from: '2026-06-01', to: '2026-06-30' }, days), null)
})
