import { dateOfDay, dayOf, type EpochMs, minuteOfDay, offsetMs } from '../../domain/calendar/local-time.ts'
import type { DossierEvent } from '../../domain/dossier/events.ts'
import { applyEvent, type Dossier } from '../../domain/dossier/state.ts'
import type { Channel, DossierStatus } from '../../domain/dossier/status.ts'

/** `yyyyMMddHHmmss` in Vietnam time, e.g. `20261126100000` for 10:00 on 26 November 2026. */
export type PortalTime = string

/** Nền tảng thanh toán trực tuyến (rules.md §1): 1 the national payment platform, 2 the provincial gateway. */
export const OnlinePaymentPlatform = { National: 1, Provincial: 2 } as const
export type OnlinePaymentPlatform = (typeof OnlinePaymentPlatform)[keyof typeof OnlinePaymentPlatform]

/** A flag as the portal takes it: 1 yes, 0 no. */
export type PortalFlag = 0 | 1

/**
 * Hồ sơ đồng bộ: one dossier as the national portal (Cổng Dịch vụ công quốc gia, DVCQG) receives it
 * through its "đồng bộ hồ sơ" API (rules.md §8). The portal's API is not published; the field names
 * that the national formula of the Decision 766 index reads ("Mô tả công thức tính chỉ số 766", as
 * transcribed in the ChippedTopaz/qd766 repository; docs/data-sources.md) are taken from it and
 * marked **766** below; every other name and every format is an **assumption** to check against the
 * integration agreement (the mapping lives only here, style.md §5). Times travel as
 * `yyyyMMddHHmmss` in Vietnam time (UTC+7), the usual format of Vietnamese portal APIs: assumed.
 *
 * - `MaHoSo` (assumed): the dossier code (rules.md §3), the portal's key; with `PhienBan` a sync is idempotent.
 * - `MaHoSoQuocGia` (assumed, the name the platform's inbound delivery uses): the national dossier id
 *   of a dossier submitted on the national portal, so the portal joins our statuses to its own
 *   dossier; null for a dossier motcua received itself.
 * - `MaTTHC` (766, 1.x/3.x): the procedure's code in the National TTHC Database. `MaCoQuan` (assumed):
 *   the receiving unit's QCVN 102 code.
 * - `KenhThucHien` (766, 3.3): 1 in person, 2 online, 3 public post. `TrangThaiHoSo` (assumed): status 1–10.
 * - `NgayNopHoSo` (766, 3.2/3.5), `NgayTiepNhan` (766, 1.4/2.1/3.3): submission and reception.
 * - `NgayHenTra` (766, 2.1): the appointment given at reception (form 01). The formula judges a dossier
 *   on time when `NgayKetThucXuLy` ≤ `NgayHenTra` after subtracting the supplement time itself, so the
 *   date sent is not shifted by supplements; nor by an apology's new date: the apology is written for a
 *   dossier that is already late (Decree 61/2018/NĐ-CP Art. 19(4)(c): "hồ sơ quá hạn giải quyết").
 * - `NgayHenTraMoi` (assumed): the appointment in force when it differs (supplements, a paused payment,
 *   an apology), for the portal to show the applicant; null otherwise.
 * - `NgayKetThucXuLy` (766, 2.1): when the clock stopped (done, refused, withdrawn, stopped); `NgayTra`
 *   (assumed): when the result was handed over.
 * - `DanhSachBoSung` (assumed): every supplement request with when it was met; the status history
 *   carries the same moments as status 5 and its end.
 * - `DanhSachPhiLePhi` (766, 3.5/3.6: a list whose entries carry `Gia`): the amount asked at status 6,
 *   else the procedure version's published fees; `TenPhiLePhi` (assumed) names each.
 * - `DuocThanhToanTrucTuyen` (766, 3.6): 0 not paid online, 1 on the national portal's payment
 *   platform, 2 through the province's own gateway (Cổng thanh toán của bộ, ngành, địa phương).
 * - `DanhSachGiayToKetQua` (list assumed): the result with `MaKetQua` and `DuongDanTepTinKetQua`
 *   (766, 3.3/4.1/4.2: a result code and the link to its file); `TenGiayTo` (assumed) its name.
 * - `HoSoCoThanhPhanSoHoa` (766, 4.3): a component is held as digitized data (digitized at reception or
 *   taken from the applicant's store). `TaiLieuNop` (766, 4.2–4.4): each component, `TenTaiLieu` and
 *   `CoTepDinhKem` (assumed: its name, whether a file is attached), `DuocSoHoa` (766, 4.3),
 *   `DuocLayTuKhoDMQG` (766, 4.4: taken from the applicant's document store; motcua's vault is read as it).
 * - `TaiKhoanDuocXacThucVoiVNeID` (766, 4.5): the applicant signed in with VNeID.
 * - `PhienBan` (assumed): the dossier's version (number of events); the portal keeps the highest.
 * - `LichSuTrangThai` (assumed): every status the dossier went through, with when.
 * - `ToKhai` (assumed): the declaration as it stands (submitted, then corrected): `PhienBanBieuMau` the
 *   form version pinned with the procedure version, `DuLieu` the declared data as JSON valid under that
 *   form's published schema (GET /api/procedures/{code}), so the portal reuses it rather than asking
 *   again (Decree 45/2020/NĐ-CP art. 9); null for a dossier made before e-forms.
 */
export type PortalRecord = {
  readonly MaHoSo: string
  readonly MaHoSoQuocGia: string | null
  readonly MaTTHC: string
  readonly MaCoQuan: string
  readonly KenhThucHien: Channel
  readonly TrangThaiHoSo: DossierStatus
  readonly NgayNopHoSo: PortalTime
  readonly NgayTiepNhan: PortalTime | null
  readonly NgayHenTra: PortalTime | null
  readonly NgayHenTraMoi: PortalTime | null
  readonly NgayKetThucXuLy: PortalTime | null
  readonly NgayTra: PortalTime | null
  readonly DanhSachBoSung: readonly { readonly NgayYeuCau: PortalTime; readonly NgayBoSung: PortalTime | null }[]
  readonly DanhSachPhiLePhi: readonly { readonly TenPhiLePhi: string; readonly Gia: number }[]
  readonly DuocThanhToanTrucTuyen: 0 | OnlinePaymentPlatform
  readonly DanhSachGiayToKetQua: readonly {
    readonly TenGiayTo: string
    readonly MaKetQua: string
    readonly DuongDanTepTinKetQua: string | null
  }[]
  readonly HoSoCoThanhPhanSoHoa: PortalFlag
  readonly TaiLieuNop: readonly {
    readonly TenTaiLieu: string
    readonly CoTepDinhKem: PortalFlag
    readonly DuocSoHoa: PortalFlag
    readonly DuocLayTuKhoDMQG: PortalFlag
  }[]
  readonly TaiKhoanDuocXacThucVoiVNeID: PortalFlag
  readonly PhienBan: number
  readonly LichSuTrangThai: readonly { readonly TrangThai: DossierStatus; readonly ThoiDiem: PortalTime }[]
  readonly ToKhai: { readonly PhienBanBieuMau: number; readonly DuLieu: Readonly<Record<string, unknown>> } | null
}

/** What the portal needs that the event log does not hold: codes and links from the catalogue and the store. */
export type PortalExtra = {
  /** The national dossier id it was taken in under (its intake), or null when motcua received it itself. */
  readonly nationalDossierId: string | null
  /** The procedure's code in the National TTHC Database. */
  readonly procedureNationalCode: string
  /** The receiving unit's QCVN 102 code in force at submission. */
  readonly agencyCode: string
  /** The procedure version's published fees with a figure, in VND. */
  readonly fees: readonly { readonly name: string; readonly amountVnd: number }[]
  /** The result document's name (the procedure's result as the catalogue names it). */
  readonly resultName: string
  /** Where the signed e-result can be fetched; null until one was issued (it is then also in the vault). */
  readonly resultLink: string | null
  /** The platform motcua's online payments go through; null when none is configured. */
  readonly onlinePayment: OnlinePaymentPlatform | null
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

export function portalTime(instant: EpochMs): PortalTime {
  const { year, month, day } = dateOfDay(dayOf(instant))
  const minute = minuteOfDay(instant)
  const second = Math.floor(((((instant + offsetMs) % 60_000) + 60_000) % 60_000) / 1000)
  return `${pad(year, 4)}${pad(month)}${pad(day)}${pad(Math.floor(minute / 60))}${pad(minute % 60)}${pad(second)}`
}

const timeOrNull = (instant: EpochMs | null) => (instant === null ? null : portalTime(instant))
const flag = (yes: boolean): PortalFlag => (yes ? 1 : 0)

type Replay = {
  readonly dossier: Dossier
  readonly statuses: PortalRecord['LichSuTrangThai']
  readonly supplements: PortalRecord['DanhSachBoSung']
}

/** The fold of the history, with what the state forgets: when each status began and each supplement was met. */
function replay(history: readonly DossierEvent[]): Replay | null {
  let dossier: Dossier | null = null
  const statuses: { TrangThai: DossierStatus; ThoiDiem: PortalTime }[] = []
  const supplements: { NgayYeuCau: PortalTime; NgayBoSung: PortalTime | null }[] = []
  for (const event of history) {
    const before: Dossier | null = dossier
    dossier = applyEvent(dossier, event)
    if (before === null || before.status !== dossier.status)
      statuses.push({ TrangThai: dossier.status, ThoiDiem: portalTime(event.at) })
    if (event.type === 'supplement-requested' || event.type === 'reception-supplement-requested')
      supplements.push({ NgayYeuCau: portalTime(event.at), NgayBoSung: null })
    const open = supplements[supplements.length - 1]
    if (event.type === 'supplement-received' && open?.NgayBoSung === null) open.NgayBoSung = portalTime(event.at)
  }
  return dossier && { dossier, statuses, supplements }
}

/**
 * Hồ sơ đồng bộ lên Cổng DVCQG: the portal's record of a dossier from its whole history (the state
 * is its fold). Null while the dossier has no code: the portal keys records by `MaHoSo`, which
 * motcua issues at reception, so online submissions still waiting at the counter (status 1) or
 * refused before reception (status 3 without a code) are not sent.
 */
export function portalRecord(history: readonly DossierEvent[], extra: PortalExtra): PortalRecord | null {
  const replayed = replay(history)
  if (!replayed || replayed.dossier.code === null) return null
  const d = replayed.dossier
  const paidOnline = d.payment?.paidAt != null && d.payment.online && extra.onlinePayment !== null
  const components = d.components.map((c) => {
    const digitized = c.digitized || c.reused === true
    return {
      TenTaiLieu: c.name,
      CoTepDinhKem: flag(c.fileRef !== null),
      DuocSoHoa: flag(digitized),
      DuocLayTuKhoDMQG: flag(c.reused === true),
    }
  })
  const changed = d.appointmentAt !== d.originalAppointmentAt
  return {
    MaHoSo: d.code as string,
    MaHoSoQuocGia: extra.nationalDossierId,
    MaTTHC: extra.procedureNationalCode,
    MaCoQuan: extra.agencyCode,
    KenhThucHien: d.channel,
    TrangThaiHoSo: d.status,
    NgayNopHoSo: portalTime(d.submittedAt),
    NgayTiepNhan: timeOrNull(d.receivedAt),
    NgayHenTra: timeOrNull(d.originalAppointmentAt),
    NgayHenTraMoi: changed ? timeOrNull(d.appointmentAt) : null,
    NgayKetThucXuLy: timeOrNull(d.endedAt),
    NgayTra: timeOrNull(d.returned?.at ?? null),
    DanhSachBoSung: replayed.supplements,
    DanhSachPhiLePhi: d.payment
      ? [{ TenPhiLePhi: 'Phí, lệ phí', Gia: d.payment.amountVnd }]
      : extra.fees.map((f) => ({ TenPhiLePhi: f.name, Gia: f.amountVnd })),
    DuocThanhToanTrucTuyen: paidOnline && extra.onlinePayment !== null ? extra.onlinePayment : 0,
    DanhSachGiayToKetQua: d.result
      ? [{ TenGiayTo: extra.resultName, MaKetQua: d.result.number, DuongDanTepTinKetQua: extra.resultLink }]
      : [],
    HoSoCoThanhPhanSoHoa: flag(components.some((c) => c.DuocSoHoa === 1)),
    TaiLieuNop: components,
    TaiKhoanDuocXacThucVoiVNeID: flag(d.applicant.vneid),
    PhienBan: d.version,
    LichSuTrangThai: replayed.statuses,
    ToKhai: d.declaration ? { PhienBanBieuMau: d.declaration.formVersion, DuLieu: d.declaration.data } : null,
  }
}
