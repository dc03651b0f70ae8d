import assert from 'node:assert/strict'
import { test } from 'node:test'
import { StatusCode } from '../../src/domain/documents/edxml/status-code.ts'
import {
  buildStatusMessage,
  parseStatusMessage,
  type StatusMessage,
} from '../../src/domain/documents/edxml/status-message.ts'

const status: StatusMessage = {
  responseFor: {
    organId: '000.00.00.H34',
    code: '123/UBND-VP',
    promulgatedOn: '2026-12-03',
    documentId: '000.00.00.H34,2026/12/03,123/UBND-VP',
  },
  from: { organId: '000.00.07.H31', name: 'Sở Y tế tỉnh Lâm Đồng' },
  statusCode: StatusCode.Accepted,
  description: 'Đã tiếp nhận, vào sổ văn bản đến số 45',
  at: new Date('2026-12-03T03:00:00Z'),
  staff: { department: 'Văn thư', name: 'Trần Văn Bình' },
}

test('a status message read back gives the same report', () => {
  const parsed = parseStatusMessage(buildStatusMessage(status))
  assert.ok(parsed.ok)
  assert.deepEqual(parsed.status, status)
})

test('a status message without a description says the code in Vietnamese', () => {
  const parsed = parseStatusMessage(buildStatusMessage({ ...status, statusCode: StatusCode.Rejected, description: '' }))
  assert.ok(parsed.ok)
  assert.equal(parsed.status.description, 'Từ chối tiếp nhận')
})

test('a status message with an unknown code is refused', () => {
  const parsed = parseStatusMessage(
    buildStatusMessage(status).replace('<edXML:StatusCode>03<', '<edXML:StatusCode>99<'),
  )
  assert.ok(!parsed.ok)
  assert.deepEqual(
    parsed.problems.map((p) => p.path),
    ['/Envelope/Header/Status/StatusCode'],
  )
})
