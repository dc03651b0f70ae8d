import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, Story } from '../../../test/support/dossier-fixtures.ts'
import { OnlinePaymentPlatform, type PortalExtra, portalRecord, portalTime } from './portal-record.ts'

const extra: PortalExtra = {
  nationalDossierId: null,
  procedureNationalCode: '1.000001',
  agencyCode: '000.33.33.H34',
  fees: [{ name: 'Lệ phí cấp giấy phép', amountVnd: 50_000 }],
  resultName: 'Giấy phép xây dựng',
  resultLink: 'https://motcua.example/api/dossiers/x/files/abc',
  onlinePayment: OnlinePaymentPlatform.Provincial,
}

const returned = () =>
  new Story()
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00')
    .do('2026-11-03T09:30', { action: 'digitize', actor: actors.counter, name: 'Tờ khai', fileRef: 'sha-1' })
    .do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-04T09:00', {
      action: 'request-supplement',
      actor: actors.specialist,
      items: ['Bản vẽ'],
      reason: 'Thiếu bản vẽ',
      exception: null,
    })
    .do('2026-11-06T11:00', { action: 'receive-supplement', actor: actors.counter, components: [] })
    .do('2026-11-09T09:00', {
      action: 'require-payment',
      actor: actors.specialist,
      amountVnd: 150_000,
      reason: 'Lệ phí',
    })
    .do('2026-11-09T10:00', { action: 'record-payment', actor: actors.system, amountVnd: 150_000, receipt: 'BL1' })
    .do('2026-11-10T09:00', { action: 'appraise', actor: actors.specialist, outcome: 'approve', note: 'Đủ điều kiện' })
    .do('2026-11-10T14:00', { action: 'approve', actor: actors.leader })
    .do('2026-11-11T09:00', { action: 'issue', actor: actors.clerk, resultNumber: '15/GPXD' })
    .do('2026-11-11T10:00', { action: 'return-result', actor: actors.counter, method: 'counter' })

test('times travel as yyyyMMddHHmmss in Vietnam time', () => {
  assert.equal(portalTime(at('2026-11-05T03:04:05Z')), '20261105100405')
  assert.equal(portalTime(at('2026-12-31T17:00:00Z')), '20270101000000')
})

test('a returned dossier maps to the portal’s record with its whole status history and supplement', () => {
  assert.deepEqual(portalRecord(returned().events, extra), {
    MaHoSo: '000.33.33.H34-261123-0001',
    MaHoSoQuocGia: null,
    MaTTHC: '1.000001',
    MaCoQuan: '000.33.33.H34',
    KenhThucHien: 2,
    TrangThaiHoSo: 10,
    NgayNopHoSo: '20261102200000',
    NgayTiepNhan: '20261103090000',
    NgayHenTra: '20261117090000',
    NgayHenTraMoi: '20261119110000',
    NgayKetThucXuLy: '20261111090000',
    NgayTra: '20261111100000',
    DanhSachBoSung: [{ NgayYeuCau: '20261104090000', NgayBoSung: '20261106110000' }],
    DanhSachPhiLePhi: [{ TenPhiLePhi: 'Phí, lệ phí', Gia: 150_000 }],
    DuocThanhToanTrucTuyen: 2,
    DanhSachGiayToKetQua: [
      {
        TenGiayTo: 'Giấy phép xây dựng',
        MaKetQua: '15/GPXD',
        DuongDanTepTinKetQua: 'https://motcua.example/api/dossiers/x/files/abc',
      },
    ],
    HoSoCoThanhPhanSoHoa: 1,
    TaiLieuNop: [{ TenTaiLieu: 'Tờ khai', CoTepDinhKem: 1, DuocSoHoa: 1, DuocLayTuKhoDMQG: 0 }],
    TaiKhoanDuocXacThucVoiVNeID: 1,
    PhienBan: 12,
    LichSuTrangThai: [
      { TrangThai: 1, ThoiDiem: '20261102200000' },
      { TrangThai: 2, ThoiDiem: '20261103090000' },
      { TrangThai: 4, ThoiDiem: '20261103100000' },
      { TrangThai: 5, ThoiDiem: '20261104090000' },
      { TrangThai: 4, ThoiDiem: '20261106110000' },
      { TrangThai: 6, ThoiDiem: '20261109090000' },
      { TrangThai: 4, ThoiDiem: '20261109100000' },
      { TrangThai: 9, ThoiDiem: '20261111090000' },
      { TrangThai: 10, ThoiDiem: '20261111100000' },
    ],
    ToKhai: null,
  })
})

test('NgayHenTra is the appointment of reception: the national formula subtracts supplement time itself, and an apology does not make a late dossier on time', () => {
  const late = new Story()
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00')
    .do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })
  const first = portalRecord(late.events, extra)
  assert.equal(first?.NgayHenTra, '20261117090000')
  assert.equal(first?.NgayHenTraMoi, null, 'no new date while the appointment stands')
  late.do('2026-11-16T09:00', {
    action: 'issue-apology',
    actor: actors.leader,
    reason: 'Chờ ý kiến cơ quan phối hợp',
    newAppointmentAt: at('2026-11-23T17:00'),
  })
  const after = portalRecord(late.events, extra)
  assert.equal(after?.NgayHenTra, '20261117090000')
  assert.equal(after?.NgayHenTraMoi, '20261123170000')
})

test('the fees are the published ones until an amount is asked', () => {
  const received = new Story().submit('2026-11-02T20:00').receive('2026-11-03T09:00')
  assert.deepEqual(portalRecord(received.events, extra)?.DanhSachPhiLePhi, [
    { TenPhiLePhi: 'Lệ phí cấp giấy phép', Gia: 50_000 },
  ])
})

test('a component taken from the applicant’s store is marked as such and as digitized data', () => {
  const story = new Story().submit('2026-11-02T20:00').receive('2026-11-03T09:00').do('2026-11-03T09:30', {
    action: 'reuse-component',
    actor: actors.counter,
    name: 'Giấy chứng nhận quyền sử dụng đất',
    fileRef: 'sha-2',
    vaultItemId: 'vault-1',
  })
  const record = portalRecord(story.events, extra)
  assert.deepEqual(record?.TaiLieuNop.at(-1), {
    TenTaiLieu: 'Giấy chứng nhận quyền sử dụng đất',
    CoTepDinhKem: 1,
    DuocSoHoa: 1,
    DuocLayTuKhoDMQG: 1,
  })
  assert.equal(record?.HoSoCoThanhPhanSoHoa, 1)
})

test('an online submission not yet received has no code, so no portal record', () => {
  assert.equal(portalRecord(new Story().submit('2026-11-02T20:00').events, extra), null)
})

test('a fee paid at the counter is not flagged as paid online', () => {
  const story = new Story()
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00')
    .do('2026-11-03T09:10', { action: 'require-payment', actor: actors.counter, amountVnd: 50_000, reason: 'Lệ phí' })
    .do('2026-11-03T09:20', { action: 'record-payment', actor: actors.counter, amountVnd: 50_000, receipt: 'BL2' })
  assert.equal(portalRecord(story.events, extra)?.DuocThanhToanTrucTuyen, 0)
})

test('a pending supplement has no resubmission time yet and no result gives no result link', () => {
  const story = new Story()
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00')
    .do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-04T09:00', {
      action: 'request-supplement',
      actor: actors.specialist,
      items: ['Bản vẽ'],
      reason: 'Thiếu bản vẽ',
      exception: null,
    })
  const record = portalRecord(story.events, { ...extra, resultLink: null })
  assert.deepEqual(record?.DanhSachBoSung, [{ NgayYeuCau: '20261104090000', NgayBoSung: null }])
  assert.equal(record?.TrangThaiHoSo, 5)
  assert.deepEqual(record?.DanhSachGiayToKetQua, [])
})

test('the record carries the declaration as it stands: the form version and the data, corrections applied', () => {
  const [submitted, ...rest] = returned().events
  assert.ok(submitted?.type === 'submitted')
  const declaration = { formVersion: 2, data: { husband: { fullName: 'Lê Văn Minh', birthDate: '1995-11-02' } } }
  const correction = {
    type: 'declaration-corrected' as const,
    at: at('2026-11-05T09:00'),
    actor: actors.applicant,
    changes: [{ path: 'husband/birthDate', value: '1995-11-20' }],
  }
  const record = portalRecord([{ ...submitted, declaration }, correction, ...rest], extra)
  assert.deepEqual(record?.ToKhai, {
    PhienBanBieuMau: 2,
    DuLieu: { husband: { fullName: 'Lê Văn Minh', birthDate: '1995-11-20' } },
  })
})

test('a dossier taken in from the national portal carries its national dossier id (MaHoSoQuocGia)', () => {
  const record = portalRecord(returned().events, { ...extra, nationalDossierId: 'G22.99.10-261102-000123' })
  assert.equal(record?.MaHoSoQuocGia, 'G22.99.10-261102-000123')
})
