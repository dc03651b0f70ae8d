import assert from 'node:assert/strict'
import { test } from 'node:test'
import { applicant } from '../../../test/support/dossier-fixtures.ts'
import { channelPlan } from './channels.ts'

const withEmail = { ...applicant, email: 'lan@example.vn' }

test('without a preference, e-mail goes to a known address and SMS to a known phone', () => {
  assert.deepEqual(channelPlan(withEmail, null), [
    { channel: 'email', recipient: 'lan@example.vn', skip: null },
    { channel: 'sms', recipient: '0905000001', skip: null },
  ])
})

test('an unknown address skips its channel', () => {
  assert.deepEqual(
    channelPlan(applicant, null).map((p) => [p.channel, p.skip]),
    [
      ['email', 'no-address'],
      ['sms', null],
    ],
  )
})

test('a declined channel is skipped even with a known address', () => {
  assert.deepEqual(
    channelPlan(withEmail, { email: true, sms: false }).map((p) => [p.channel, p.skip]),
    [
      ['email', null],
      ['sms', 'opted-out'],
    ],
  )
})
