import { type Static, Type } from 'typebox'
import { Compile } from 'typebox/compile'
import type { EpochMs } from '../../domain/calendar/local-time.ts'
import type { PetitionCategory, Petitioner } from '../../domain/petitions/petition.ts'
import type { PetitionClosingEvent } from '../../domain/petitions/portal-report.ts'
import { portalTime } from './portal-record.ts'

/*
 * Phản ánh, kiến nghị từ Cổng Dịch vụ công quốc gia. The platform's petition interface is not
 * published: EVERY field name and code in this module is an ASSUMPTION, modelled on the inbound
 * dossier's (inbound-dossier.ts), to confirm in the integration agreement (rules.md "Petitions").
 */

const optionalText = (maxLength: number, description: string) =>
  Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()], { description }))

/** Người phản ánh: who sent the petition on the national portal (assumed names). */
export const InboundPetitioner = Type.Object(
  {
    HoTen: Type.String({ minLength: 1, maxLength: 200, description: 'Họ và tên (assumed name)' }),
    SoDienThoai: Type.Optional(
      Type.Union([Type.String({ pattern: '^[0-9+ ]{8,15}$' }), Type.Null()], { description: 'assumed' }),
    ),
    Email: Type.Optional(
      Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()], { description: 'assumed' }),
    ),
    DiaChi: optionalText(500, 'assumed'),
  },
  { additionalProperties: false, description: 'Người phản ánh (assumed); at least a phone or an e-mail' },
)

/** One petition as the platform delivers it, pushed or pulled (assumed names and codes). */
export const InboundPetition = Type.Object(
  {
    MaPAKNQuocGia: Type.String({
      minLength: 1,
      maxLength: 100,
      description: "The national portal's id of the petition; intake is keyed by it (assumed name)",
    }),
    MaDonViTiepNhan: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'QCVN 102 code of the unit the petition is addressed to (assumed name)',
    }),
    PhanLoai: Type.Optional(
      Type.Union([Type.Literal(1), Type.Literal(2), Type.Null()], {
        description:
          'Decree 20/2008 Art. 5: 1 = hành vi của cơ quan, cán bộ, công chức; 2 = quy định, thủ tục hành chính; absent or null = unclassified (assumed codes)',
      }),
    ),
    TieuDe: Type.String({ minLength: 1, maxLength: 300, description: 'Tiêu đề (assumed name)' }),
    NoiDung: Type.String({ minLength: 1, maxLength: 10_000, description: 'Nội dung (assumed name)' }),
    NguoiPhanAnh: InboundPetitioner,
    DongYCongKhai: Type.Boolean({ description: 'Consent to publish the answer (Art. 19; assumed name)' }),
    MaHoSo: optionalText(40, "motcua's code of the dossier the petition concerns, if any (assumed name)"),
    MaPAKNTruocDo: Type.Optional(
      Type.Union([Type.String({ pattern: '^PAKN\\.[0-9]{8}\\.[0-9]{4,}$' }), Type.Null()], {
        description:
          "motcua's code (PAKN.yyyymmdd.nnnn) of the earlier, answered petition this one follows up, if any (assumed name)",
      }),
    ),
  },
  { additionalProperties: false, description: 'Phản ánh, kiến nghị từ Cổng DVCQG (every field assumed)' },
)
export type InboundPetition = Static<typeof InboundPetition>

/** What motcua takes from an inbound petition, in its own terms; the unit is still a QCVN 102 code. */
export type PortalPetition = {
  readonly portalId: string
  readonly receivingUnitCode: string
  readonly category: PetitionCategory | null
  readonly title: string
  readonly content: string
  readonly petitioner: Petitioner
  readonly consentToPublish: boolean
  readonly dossierCode: string | null
  /** The earlier petition it follows up (assumed field MaPAKNTruocDo). */
  readonly followsUp: string | null
}

const check = Compile(InboundPetition)
const categories: Record<1 | 2, PetitionCategory> = { 1: 'conduct', 2: 'regulation' }

/**
 * The body read as a petition, or why not (the first problems, with vi/en for the caller): off the
 * schema, or with neither a phone nor an e-mail to answer to (Art. 7, as for any petition).
 */
export function readInboundPetition(
  body: unknown,
): { ok: true; petition: PortalPetition } | { ok: false; path: string; detail: string } {
  if (!check.Check(body)) {
    const errors = [...check.Errors(body)].slice(0, 5)
    return { ok: false, path: 'body', detail: errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ') }
  }
  const who = body.NguoiPhanAnh
  if (!who.SoDienThoai && !who.Email)
    return { ok: false, path: 'body/NguoiPhanAnh', detail: 'SoDienThoai or Email is required' }
  return {
    ok: true,
    petition: {
      portalId: body.MaPAKNQuocGia,
      receivingUnitCode: body.MaDonViTiepNhan,
      category: body.PhanLoai ? categories[body.PhanLoai] : null,
      title: body.TieuDe,
      content: body.NoiDung,
      petitioner: {
        name: who.HoTen,
        phone: who.SoDienThoai ?? null,
        email: who.Email ?? null,
        address: who.DiaChi ?? null,
      },
      consentToPublish: body.DongYCongKhai,
      dossierCode: body.MaHoSo ?? null,
      followsUp: body.MaPAKNTruocDo ?? null,
    },
  }
}

/** Kết quả xử lý PAKN: what motcua reports back once a portal petition is answered or refused (assumed). */
export type PetitionOutcomeRecord = {
  readonly MaPAKNQuocGia: string
  readonly MaPAKN: string
  /** 3 = đã trả lời, 4 = từ chối tiếp nhận (assumed codes). */
  readonly TrangThai: 3 | 4
  readonly NoiDungTraLoi: string
  readonly NgayXuLy: string
  readonly CongKhai: boolean
}

/** The outcome record of a portal petition's closing event; `published`: its answer is public now. */
export function petitionOutcomeRecord(
  portalId: string,
  code: string,
  event: PetitionClosingEvent,
  published: boolean,
): PetitionOutcomeRecord {
  return {
    MaPAKNQuocGia: portalId,
    MaPAKN: code,
    TrangThai: event.type === 'answered' ? 3 : 4,
    NoiDungTraLoi: event.type === 'answered' ? event.answer : event.reason,
    NgayXuLy: portalTime(Date.parse(event.at) as EpochMs),
    CongKhai: published,
  }
}

/**
 * Từ chối tiếp nhận PAKN: what motcua tells the platform when it refuses a portal petition before
 * receiving it (no PAKN code exists), modelled on the dossiers' refusal (inbound-client.ts
 * IntakeRefusalReport): the reason's code, its text in Vietnamese and English, and when
 * (`yyyyMMddHHmmss`, Vietnam time). Every name is an ASSUMPTION.
 */
export type PetitionRefusalReport = {
  readonly MaPAKNQuocGia: string
  readonly MaLyDo: string
  readonly LyDo: string
  readonly LyDoTiengAnh: string
  readonly NgayTuChoi: string
}
