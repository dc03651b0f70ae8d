import assert from 'node:assert/strict'
import { test } from 'node:test'
import { standsFor } from './stands-for.ts'

// Dùng lại giấy tờ trong kho dữ liệu điện tử (Decree 45/2020/NĐ-CP; Circular 01/2023/TT-VPCP ch. II: a
// component that is the result of an earlier procedure, or was digitized, is not asked for again).

const birthCertificate = { kind: 'e_result', title: 'Giấy khai sinh — 22333-260101-0001' } as const
const scannedBirthProof = { kind: 'digitized', title: 'Giấy chứng sinh (bản số hóa)' } as const

test('a vault document stands for the component it names, and for nothing else', () => {
  assert.equal(standsFor(scannedBirthProof, { name: 'Giấy chứng sinh', form: 'original' }), true)
  assert.equal(standsFor(scannedBirthProof, { name: 'giấy  CHỨNG sinh', form: null }), true)
  assert.equal(standsFor(scannedBirthProof, { name: 'Giấy chứng sinh của mẹ', form: 'original' }), false)
  assert.equal(standsFor(birthCertificate, { name: 'Bản sao Giấy khai sinh của trẻ', form: 'copy' }), true)
  assert.equal(standsFor(birthCertificate, { name: 'Giấy khai sinh', form: 'certified_copy' }), true)
  assert.equal(standsFor(birthCertificate, { name: 'Giấy chứng nhận kết hôn', form: 'copy' }), false)
  assert.equal(standsFor(birthCertificate, { name: 'Tờ khai đăng ký giấy khai', form: 'original' }), false)
  assert.equal(
    standsFor(birthCertificate, { name: 'Giấy khai sinh (bản chính) để xuất trình', form: 'presented' }),
    false,
  )
})
