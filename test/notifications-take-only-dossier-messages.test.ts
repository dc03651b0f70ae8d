import assert from 'node:assert/strict'
import { test } from 'node:test'
import { notifies } from '../src/app/notifications/notify-applicant.ts'
import type { OutboxMessage } from '../src/domain/delivery/outbox-message.ts'

/** Issue 17 §3: the axis's outbox messages carry only their package id; notifications never take them. */
test('an axis message, with no dossier fields, is not taken by the notifications consumer', () => {
  const message = {
    id: 1,
    topic: 'document-axis.send',
    key: 'document-axis:x',
    payload: { axisMessageId: 'x' },
    createdAt: new Date(),
  } as unknown as OutboxMessage
  assert.equal(notifies(message), false)
})
