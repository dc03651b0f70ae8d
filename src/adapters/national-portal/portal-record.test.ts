import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, Story } from '../../../test/support/dossier-fixtures.ts'
import { OnlinePaymentPlatform, type PortalExtra, portalRecord, portalTime } from './portal-record.ts'

const extra: PortalExtra = {
  procedureNationalCode: '1.000001',
  agencyCode: '000.33.33.H34',
  fixedFeesVnd: 50_000,
  resultLink: 'https://motcua.example/api/dossiers/x/files/abc',
  onlinePayment: OnlinePaymentPlatform.National,
}

const returned = () =>
  new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T09:30', { action: 'digitize', actor: actors.counter, name: 'Tờ khai', fileRef: 'sha-1' })
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-25T09:00', {
      action: 'request-supplement',
      actor: actors.specialist,
      items: ['Bản vẽ'],
      reason: 'Thiếu bản vẽ',
      exception: null,
    })
    .do('2026-11-27T11:00', { action: 'receive-supplement', actor: actors.counter, components: [] })
    .do('2026-11-30T09:00', {
      action: 'require-payment',
      actor: actors.specialist,
      amountVnd: 150_000,
      reason: 'Lệ phí',
    })
    .do('2026-11-30T10:00', { action: 'record-payment', actor: actors.counter, amountVnd: 150_000, receipt: 'BL1' })
    .do('2026-12-01T09:00', { action: 'appraise', actor: actors.specialist, outcome: 'approve', note: 'Đủ điều kiện' })
    .do('2026-12-01T14:00', { action: 'approve', actor: actors.leader })
    .do('2026-12-02T09:00', { action: 'issue', actor: actors.clerk, resultNumber: '15/GPXD' })
    .do('2026-12-02T10:00', { action: 'return-result', actor: actors.counter, method: 'counter' })

test('times travel as yyyyMMddHHmmss in Vietnam time', () => {
  assert.equal(portalTime(at('2026-11-26T03:04:05Z')), '20261126100405')
  assert.equal(portalTime(at('2026-12-31T17:00:00Z')), '20270101000000')
})

test('a returned dossier maps to the portal’s record with its whole status history and supplement', () => {
  assert.deepEqual(portalRecord(returned().events, extra), {
    MaHoSo: '000.33.33.H34-261123-0001',
    MaTTHC: '1.000001',
    MaCoQuan: '000.33.33.H34',
    KenhThucHien: 2,
    TrangThaiHoSo: 10,
    NgayNop: '20261123200000',
    NgayTiepNhan: '20261124090000',
    NgayHenTra: '20261210110000',
    NgayHenTraBanDau: '20261208090000',
    NgayKetThucXuLy: '20261202090000',
    NgayTra: '20261202100000',
    DanhSachBoSung: [{ NgayYeuCau: '20261125090000', NgayBoSung: '20261127110000' }],
    PhiLePhi: 150_000,
    DaThanhToanTrucTuyen: 1,
    HinhThucThanhToan: 1,
    SoKetQua: '15/GPXD',
    DuongDanKetQua: 'https://motcua.example/api/dossiers/x/files/abc',
    DaSoHoa: 1,
    TaiSuDung: 0,
    LuuKhoDuLieu: 1,
    XacThucVNeID: 1,
    PhienBan: 12,
    LichSuTrangThai: [
      { TrangThai: 1, ThoiDiem: '20261123200000' },
      { TrangThai: 2, ThoiDiem: '20261124090000' },
      { TrangThai: 4, ThoiDiem: '20261124100000' },
      { TrangThai: 5, ThoiDiem: '20261125090000' },
      { TrangThai: 4, ThoiDiem: '20261127110000' },
      { TrangThai: 6, ThoiDiem: '20261130090000' },
      { TrangThai: 4, ThoiDiem: '20261130100000' },
      { TrangThai: 9, ThoiDiem: '20261202090000' },
      { TrangThai: 10, ThoiDiem: '20261202100000' },
    ],
    ToKhai: null,
  })
})

test('an online submission not yet received has no code, so no portal record', () => {
  assert.equal(portalRecord(new Story().submit('2026-11-23T20:00').events, extra), null)
})

test('a fee paid at the counter is not flagged as paid online', () => {
  const record = portalRecord(returned().events, { ...extra, onlinePayment: null })
  assert.equal(record?.DaThanhToanTrucTuyen, 0)
  assert.equal(record?.HinhThucThanhToan, null)
})

test('a pending supplement has no resubmission time yet and no result gives no result link', () => {
  const story = new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-25T09:00', {
      action: 'request-supplement',
      actor: actors.specialist,
      items: ['Bản vẽ'],
      reason: 'Thiếu bản vẽ',
      exception: null,
    })
  const record = portalRecord(story.events, { ...extra, resultLink: null })
  assert.deepEqual(record?.DanhSachBoSung, [{ NgayYeuCau: '20261125090000', NgayBoSung: null }])
  assert.equal(record?.TrangThaiHoSo, 5)
  assert.equal(record?.LuuKhoDuLieu, 0)
  assert.equal(record?.SoKetQua, null)
})

test('the record carries the declaration as it stands: the form version and the data, corrections applied', () => {
  const [submitted, ...rest] = returned().events
  assert.ok(submitted?.type === 'submitted')
  const declaration = { formVersion: 2, data: { husband: { fullName: 'Lê Văn Minh', birthDate: '1995-11-02' } } }
  const correction = {
    type: 'declaration-corrected' as const,
    at: at('2026-11-26T09:00'),
    actor: actors.applicant,
    changes: [{ path: 'husband/birthDate', value: '1995-11-20' }],
  }
  const record = portalRecord([{ ...submitted, declaration }, correction, ...rest], extra)
  assert.deepEqual(record?.ToKhai, {
    PhienBanBieuMau: 2,
    DuLieu: { husband: { fullName: 'Lê Văn Minh', birthDate: '1995-11-20' } },
  })
})
