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
 * through its "đồng bộ hồ sơ" API (rules.md §8). The portal's field list is not published in detail:
 * these names follow the portal's Vietnamese naming and are an **assumption** to check against the
 * integration agreement (the mapping lives only here, style.md §5). Likewise, times travel as
 * `yyyyMMddHHmmss` in Vietnam time (UTC+7), the usual format of Vietnamese portal APIs: assumed too.
 *
 * - `MaHoSo`: the dossier code (rules.md §3); the portal's key. With `PhienBan` it makes a sync idempotent.
 * - `MaTTHC`: the procedure's code in the National TTHC Database. `MaCoQuan`: the receiving unit's QCVN 102 code.
 * - `KenhThucHien`: 1 in person, 2 online, 3 public post. `TrangThaiHoSo`: the national status 1–10 (rules.md §1).
 * - `NgayNop`, `NgayTiepNhan`: submission and reception; `NgayHenTra`: the appointment in force (after
 *   supplements and an apology); `NgayHenTraBanDau`: the first one (KPIs keep it, rules.md §1);
 *   `NgayKetThucXuLy`: when the clock stopped (done, refused, withdrawn, stopped); `NgayTra`: result handed over.
 * - `DanhSachBoSung`: every supplement request (at reception or during processing) with when it was met.
 * - `PhiLePhi`: fees and charges in VND (the procedure's fixed fees or the amount asked at status 6, the larger).
 * - `DaThanhToanTrucTuyen`: paid online; `HinhThucThanhToan`: through which platform (1 national, 2 provincial).
 * - `SoKetQua`: the result's number; `DuongDanKetQua`: where the signed e-result can be fetched.
 * - `DaSoHoa`: every component has a digitized file; `TaiSuDung`: a component was reused from the
 *   applicant's vault; `LuuKhoDuLieu`: the e-result was kept in the vault; `XacThucVNeID`: the
 *   applicant signed in with VNeID.
 * - `PhienBan`: the dossier's version (number of events); the portal keeps the highest.
 * - `LichSuTrangThai`: every status the dossier went through, with when.
 * - `ToKhai`: the declaration as it stands (submitted, then corrected): `PhienBanBieuMau` the form version
 *   pinned with the procedure version, `DuLieu` the declared data as JSON valid under that form's published
 *   schema (GET /api/procedures/{code}), so the portal reuses it rather than asking again (Decree 45/2020/NĐ-CP
 *   art. 9); null for a dossier made before e-forms.
 */
export type PortalRecord = {
  readonly MaHoSo: string
  readonly MaTTHC: string
  readonly MaCoQuan: string
  readonly KenhThucHien: Channel
  readonly TrangThaiHoSo: DossierStatus
  readonly NgayNop: PortalTime
  readonly NgayTiepNhan: PortalTime | null
  readonly NgayHenTra: PortalTime | null
  readonly NgayHenTraBanDau: PortalTime | null
  readonly NgayKetThucXuLy: PortalTime | null
  readonly NgayTra: PortalTime | null
  readonly DanhSachBoSung: readonly { readonly NgayYeuCau: PortalTime; readonly NgayBoSung: PortalTime | null }[]
  readonly PhiLePhi: number
  readonly DaThanhToanTrucTuyen: PortalFlag
  readonly HinhThucThanhToan: OnlinePaymentPlatform | null
  readonly SoKetQua: string | null
  readonly DuongDanKetQua: string | null
  readonly DaSoHoa: PortalFlag
  readonly TaiSuDung: PortalFlag
  readonly LuuKhoDuLieu: PortalFlag
  readonly XacThucVNeID: PortalFlag
  readonly PhienBan: number
  readonly LichSuTrangThai: readonly { readonly TrangThai: DossierStatus; readonly ThoiDiem: PortalTime }[]
  readonly ToKhai: { readonly PhienBanBieuMau: number; readonly DuLieu: Readonly<Record<string, unknown>> } | null
}

/** What the portal needs that the event log does not hold: codes and links from the catalogue and the store. */
export type PortalExtra = {
  /** The procedure's code in the National TTHC Database. */
  readonly procedureNationalCode: string
  /** The receiving unit's QCVN 102 code in force at submission. */
  readonly agencyCode: string
  /** The sum of the procedure version's published fixed fees, in VND. */
  readonly fixedFeesVnd: number
  /** Where the signed e-result can be fetched; null until one was issued (it is then also in the vault). */
  readonly resultLink: string | null
  /** The platform an online payment went through; null when the fee was not paid online. */
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
  const paidOnline = d.payment?.paidAt != null && extra.onlinePayment !== null
  return {
    MaHoSo: d.code as string,
    MaTTHC: extra.procedureNationalCode,
    MaCoQuan: extra.agencyCode,
    KenhThucHien: d.channel,
    TrangThaiHoSo: d.status,
    NgayNop: portalTime(d.submittedAt),
    NgayTiepNhan: timeOrNull(d.receivedAt),
    NgayHenTra: timeOrNull(d.appointmentAt),
    NgayHenTraBanDau: timeOrNull(d.originalAppointmentAt),
    NgayKetThucXuLy: timeOrNull(d.endedAt),
    NgayTra: timeOrNull(d.returned?.at ?? null),
    DanhSachBoSung: replayed.supplements,
    PhiLePhi: Math.max(d.payment?.amountVnd ?? 0, extra.fixedFeesVnd),
    DaThanhToanTrucTuyen: flag(paidOnline),
    HinhThucThanhToan: paidOnline ? extra.onlinePayment : null,
    SoKetQua: d.result?.number ?? null,
    DuongDanKetQua: extra.resultLink,
    DaSoHoa: flag(d.components.length > 0 && d.components.every((c) => c.fileRef !== null)),
    TaiSuDung: flag(d.components.some((c) => c.reused === true)),
    LuuKhoDuLieu: flag(extra.resultLink !== null),
    XacThucVNeID: flag(d.applicant.vneid),
    PhienBan: d.version,
    LichSuTrangThai: replayed.statuses,
    ToKhai: d.declaration ? { PhienBanBieuMau: d.declaration.formVersion, DuLieu: d.declaration.data } : null,
  }
}
