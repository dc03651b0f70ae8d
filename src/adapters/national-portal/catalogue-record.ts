import { type Static, Type } from 'typebox'
import { Compile } from 'typebox/compile'
import type { NationalProcedure } from '../../domain/catalog/national-procedure.ts'
import type { DocumentForm, Fee, RequiredDocument } from '../../domain/catalog/procedure.ts'
import type { ChannelLimits } from '../../domain/catalog/publication.ts'
import type { TimeLimit } from '../../domain/catalog/time-limit.ts'

/*
 * The National TTHC Database's catalogue API as motcua ASSUMES it (rules.md "Catalogue sync from the
 * national database"). No interface document is public: the path, paging, every field name, the
 * date format and every code below are assumptions for the integration agreement to confirm; the
 * names follow the database's published pages (Mã TTHC, Cấp thực hiện, Thời hạn giải quyết …) and the
 * portal's outbound vocabulary. This module is the only place that names them.
 */

const ngay = Type.String({
  pattern: '^\\d{2}/\\d{2}/\\d{4}$',
  description: 'dd/MM/yyyy, as the national database prints dates (assumed)',
})
const nullableNgay = Type.Union([ngay, Type.Null()])

/** Thời hạn giải quyết của một kênh (assumed). */
const ThoiHan = Type.Object({
  KenhThucHien: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], {
    description: '1 trực tiếp, 2 trực tuyến, 3 dịch vụ bưu chính (the outbound record’s codes)',
  }),
  ThoiGian: Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()]),
  DonViTinh: Type.Union([
    Type.Literal('Ngày làm việc'),
    Type.Literal('Ngày'),
    Type.Literal('Giờ làm việc'),
    Type.Literal('Trong ngày'),
    Type.Literal('Không quy định'),
  ]),
})

/** Thủ tục hành chính: one record of the catalogue API (assumed). */
export const NationalCatalogueRecord = Type.Object({
  MaTTHC: Type.String({ pattern: '^[A-Za-z0-9.-]+$' }),
  TenTTHC: Type.String({ minLength: 1 }),
  CapThucHien: Type.Union([Type.Literal('Cấp Tỉnh'), Type.Literal('Cấp Xã'), Type.Literal('Cấp Bộ')]),
  LinhVuc: Type.Object({ MaLinhVuc: Type.String(), TenLinhVuc: Type.String({ minLength: 1 }) }),
  ThoiHanGiaiQuyet: Type.Array(ThoiHan),
  PhiLePhi: Type.Array(
    Type.Object({
      TenPhiLePhi: Type.String(),
      MucPhi: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
      MoTa: Type.String(),
    }),
  ),
  ThanhPhanHoSo: Type.Array(
    Type.Object({
      TenGiayTo: Type.String({ minLength: 1 }),
      HinhThuc: Type.Union([
        Type.Literal('Bản chính'),
        Type.Literal('Bản sao chứng thực'),
        Type.Literal('Bản sao'),
        Type.Literal('Xuất trình'),
      ]),
      SoLuong: Type.Integer({ minimum: 1 }),
      NhomGiayTo: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  CanCuPhapLy: Type.Array(
    Type.Object({ SoKyHieu: Type.String({ minLength: 1 }), TrichYeu: Type.String(), NgayHieuLuc: nullableNgay }),
  ),
  TrinhTuThucHien: Type.String(),
  CachThucThucHien: Type.String(),
  DoiTuongThucHien: Type.String(),
  QuyetDinhCongBo: Type.Object({ SoQuyetDinh: Type.String({ minLength: 1 }), NgayBanHanh: ngay }),
  NgayCongKhai: nullableNgay,
  TrangThai: Type.Union([Type.Literal('Còn hiệu lực'), Type.Literal('Đã bãi bỏ')]),
  NgayBaiBo: nullableNgay,
  MauDon: Type.Optional(
    Type.Array(Type.Object({ TenMauDon: Type.String(), DuongDan: Type.Union([Type.String(), Type.Null()]) })),
  ),
  DuongDan: Type.Optional(Type.Union([Type.String(), Type.Null()])),
})
export type NationalCatalogueRecord = Static<typeof NationalCatalogueRecord>

/** One page of `GET /api/csdl-tthc/thutuc` (assumed): records, total, and the next page or null. */
export const NationalCataloguePage = Type.Object({
  DanhSach: Type.Array(Type.Unknown(), { description: 'Records, each checked on its own' }),
  TongSo: Type.Integer({ minimum: 0 }),
  TrangTiepTheo: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
})
export type NationalCataloguePage = Static<typeof NationalCataloguePage>

export const cataloguePath = '/api/csdl-tthc/thutuc'
/** Query parameter names (assumed): page, page size, changed since. */
export const pageQuery = (page: number, size: number, since: string | null) => ({
  trang: String(page),
  soLuong: String(size),
  ...(since ? { capNhatTu: since } : {}),
})

const recordCheck = Compile(NationalCatalogueRecord)
export const pageCheck = Compile(NationalCataloguePage)

/** A record that could not be read: reported with the change set, never imported. */
export type BadRecord = { readonly code: string | null; readonly reason: string }

const isoOf = (d: string) => `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`
const validDate = (d: string) =>
  !Number.isNaN(Date.parse(`${isoOf(d)}T00:00:00Z`)) &&
  new Date(`${isoOf(d)}T00:00:00Z`).toISOString().startsWith(isoOf(d))

const level = { 'Cấp Tỉnh': 'province', 'Cấp Xã': 'commune', 'Cấp Bộ': 'central' } as const
const form: Record<NationalCatalogueRecord['ThanhPhanHoSo'][number]['HinhThuc'], DocumentForm> = {
  'Bản chính': 'original',
  'Bản sao chứng thực': 'certified_copy',
  'Bản sao': 'copy',
  'Xuất trình': 'presented',
}

function limitOf(t: Static<typeof ThoiHan>): TimeLimit | string {
  switch (t.DonViTinh) {
    case 'Trong ngày':
      return { unit: 'within_day' }
    case 'Không quy định':
      return { unit: 'none' }
    default:
      if (t.ThoiGian === null) return `ThoiHanGiaiQuyet kênh ${t.KenhThucHien}: thiếu ThoiGian`
      return {
        unit:
          t.DonViTinh === 'Ngày làm việc' ? 'working_days' : t.DonViTinh === 'Ngày' ? 'calendar_days' : 'working_hours',
        value: t.ThoiGian,
      }
  }
}

/**
 * Reads one record into motcua's terms, or says why it cannot: its shape (TypeBox), impossible
 * dates, a repeal without its date, a channel limit without its amount.
 */
export function readRecord(raw: unknown): NationalProcedure | BadRecord {
  const code = typeof (raw as { MaTTHC?: unknown })?.MaTTHC === 'string' ? (raw as { MaTTHC: string }).MaTTHC : null
  if (!recordCheck.Check(raw)) {
    const first = [...recordCheck.Errors(raw)].slice(0, 3)
    return { code, reason: first.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ') }
  }
  const r = raw
  const dates = [r.QuyetDinhCongBo.NgayBanHanh, r.NgayCongKhai, r.NgayBaiBo, ...r.CanCuPhapLy.map((c) => c.NgayHieuLuc)]
  const impossible = dates.find((d) => d !== null && !validDate(d))
  if (impossible) return { code, reason: `ngày không hợp lệ / impossible date: ${impossible}` }
  if (r.TrangThai === 'Đã bãi bỏ' && r.NgayBaiBo === null)
    return { code, reason: 'TrangThai "Đã bãi bỏ" thiếu NgayBaiBo / repealed without its date' }
  const limits: Partial<Record<1 | 2 | 3, TimeLimit>> = {}
  for (const t of r.ThoiHanGiaiQuyet) {
    const limit = limitOf(t)
    if (typeof limit === 'string') return { code, reason: limit }
    limits[t.KenhThucHien] = limit
  }
  const channelLimits: ChannelLimits = {
    direct: limits[1] ?? null,
    online: limits[2] ?? null,
    postal: limits[3] ?? null,
  }
  const fees: Fee[] = r.PhiLePhi.map((f) => ({ name: f.TenPhiLePhi, amountVnd: f.MucPhi, text: f.MoTa }))
  const requiredDocuments: RequiredDocument[] = r.ThanhPhanHoSo.map((d) => ({
    name: d.TenGiayTo,
    form: form[d.HinhThuc],
    quantity: d.SoLuong,
    group: d.NhomGiayTo,
  }))
  const iso = (d: string | null) => (d === null ? null : isoOf(d))
  return {
    code: r.MaTTHC,
    name: r.TenTTHC,
    level: level[r.CapThucHien],
    fieldName: r.LinhVuc.TenLinhVuc,
    legalBasis: r.CanCuPhapLy.map((c) => c.SoKyHieu),
    statutoryTimeLimit: channelLimits.direct ?? channelLimits.online ?? channelLimits.postal,
    fees,
    requiredDocuments,
    publication: {
      decisionNumber: r.QuyetDinhCongBo.SoQuyetDinh,
      decisionDate: isoOf(r.QuyetDinhCongBo.NgayBanHanh),
      madePublicOn: iso(r.NgayCongKhai),
      legalBasis: r.CanCuPhapLy.map((c) => ({
        number: c.SoKyHieu,
        title: c.TrichYeu,
        effectiveFrom: iso(c.NgayHieuLuc),
      })),
      sequence: r.TrinhTuThucHien,
      method: r.CachThucThucHien,
      applicants: r.DoiTuongThucHien,
      channelLimits,
      forms: (r.MauDon ?? []).map((m) => ({ name: m.TenMauDon, url: m.DuongDan })),
    },
    repealedOn: r.TrangThai === 'Đã bãi bỏ' ? iso(r.NgayBaiBo) : null,
    sourceUrl: r.DuongDan ?? null,
  }
}

export const isBadRecord = (r: NationalProcedure | BadRecord): r is BadRecord => 'reason' in r
