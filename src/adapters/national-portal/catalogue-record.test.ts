import assert from 'node:assert/strict'
import { test } from 'node:test'
import { recordFromDemo } from '../../../test/support/fake-national-catalogue.ts'
import { readRecord } from './catalogue-record.ts'

test('dates published as dd/MM/yyyy are read as YYYY-MM-DD', () => {
  const read = readRecord(recordFromDemo('1.001193'))
  assert.ok(!('reason' in read))
  assert.deepEqual([read.publication.decisionDate, read.publication.madePublicOn], ['2025-06-20', '2025-06-24'])
})

test('the direct channel’s limit is the statutory one', () => {
  const read = readRecord(
    recordFromDemo('1.001193', {
      ThoiHanGiaiQuyet: [
        { KenhThucHien: 2, ThoiGian: 3, DonViTinh: 'Ngày làm việc' },
        { KenhThucHien: 1, ThoiGian: 5, DonViTinh: 'Ngày làm việc' },
      ],
    }),
  )
  assert.deepEqual('reason' in read ? read : read.statutoryTimeLimit, { unit: 'working_days', value: 5 })
})

test('a record missing a required field is reported with its code and path', () => {
  const read = readRecord({ MaTTHC: '1.099999' })
  assert.equal('reason' in read && read.code, '1.099999')
})

test('an impossible date is reported', () => {
  const read = readRecord(recordFromDemo('1.001193', { NgayCongKhai: '31/02/2026' }))
  assert.match('reason' in read ? read.reason : '', /31\/02\/2026/)
})

test('a repeal without its date is reported', () => {
  const read = readRecord(recordFromDemo('1.001193', { TrangThai: 'Đã bãi bỏ', NgayBaiBo: null }))
  assert.match('reason' in read ? read.reason : '', /NgayBaiBo/)
})
