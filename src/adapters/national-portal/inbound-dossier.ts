import { type Static, Type } from 'typebox'

const portalTime = Type.String({
  pattern: '^\\d{14}$',
  description: 'yyyyMMddHHmmss in Vietnam time (UTC+7), as the outbound records (assumed)',
})

/** Người nộp: who submitted on the national portal, as its VNeID sign-in vouched for them. */
export const InboundApplicant = Type.Object(
  {
    HoTen: Type.String({ minLength: 1, maxLength: 200, description: 'Họ và tên (assumed name)' }),
    SoDinhDanh: Type.String({
      pattern: '^\\d{12}$',
      description: 'Số định danh cá nhân, 12 digits (Law 26/2023/QH15 on Identification, Art. 12) (assumed name)',
    }),
    XacThucVNeID: Type.Boolean({
      description: 'The account was authenticated with VNeID (766 indicator 4.5; assumed name)',
    }),
    SoDienThoai: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()], { description: 'assumed' })),
    Email: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { description: 'assumed' })),
    DiaChi: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'assumed' })),
  },
  {
    additionalProperties: false,
    description: 'Người nộp: the applicant as the VNeID sign-in vouched for them (assumed)',
  },
)

/** Tài liệu nộp: one attachment, fetched from the platform by its link and checked against its hash and size. */
export const InboundAttachment = Type.Object(
  {
    TenTaiLieu: Type.String({
      minLength: 1,
      maxLength: 1000,
      description: "The component's name, as the procedure's required documents name it (766 4.2; assumed)",
    }),
    DuongDan: Type.String({
      format: 'uri',
      pattern: '^https?://',
      description: "Where the platform serves the file; must be on the platform's own address (assumed)",
    }),
    KichThuoc: Type.Integer({ minimum: 1, description: 'Size in bytes (assumed)' }),
    MaBam: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, lower-case hex (assumed)' }),
  },
  { additionalProperties: false },
)

/**
 * Hồ sơ tiếp nhận từ Cổng DVCQG: one dossier submitted on the National Public Service Portal and handed
 * to the province through the national data-sharing platform (NDXP/LGSP). The platform's interface is
 * not published: every field name, format and code here is an **assumption** for the integration
 * agreement to confirm (rules.md "Inbound dossiers from the national portal"), except `MaTTHC` whose
 * meaning the 766 formula fixes. The names follow the portal's outbound vocabulary (portal-record.ts).
 *
 * - `MaHoSoQuocGia`: the national dossier id, the intake's idempotency key.
 * - `MaTTHC` (766): the procedure's code in the National TTHC Database; `PhienBanTTHC` the national
 *   version, kept for reconciliation (motcua applies the local version in force on the submission day).
 * - `MaDonViTiepNhan`: the QCVN 102 code of the receiving unit the applicant chose.
 * - `NgayNopHoSo`: when the applicant submitted.
 * - `NguoiNop`: the applicant (`HoTen`, `SoDinhDanh`, `XacThucVNeID`, contacts).
 * - `ToKhai`: the e-form declaration, `PhienBanBieuMau` the form version, `DuLieu` the data.
 * - `TaiLieuNop`: attachments (`TenTaiLieu`, `DuongDan`, `KichThuoc`, `MaBam` SHA-256).
 * - `TrangThaiThanhToan`: 0 nothing paid, 1 paid online on the portal, 2 no fee due.
 */
export const InboundDossier = Type.Object(
  {
    MaHoSoQuocGia: Type.String({ pattern: '^[A-Za-z0-9._-]{1,100}$', description: 'National dossier id (assumed)' }),
    MaTTHC: Type.String({ minLength: 1, maxLength: 100, description: 'Procedure code, National TTHC Database (766)' }),
    PhienBanTTHC: Type.Optional(Type.Integer({ minimum: 1, description: 'National procedure version (assumed)' })),
    MaDonViTiepNhan: Type.String({
      pattern: '^[0-9A-Z.]{5,40}$',
      description: 'QCVN 102:2016/BTTTT code of the chosen receiving unit (assumed name)',
    }),
    NgayNopHoSo: portalTime,
    NguoiNop: InboundApplicant,
    ToKhai: Type.Union(
      [
        Type.Object(
          {
            PhienBanBieuMau: Type.Integer({ minimum: 1, description: 'Form version the data was entered on' }),
            DuLieu: Type.Record(Type.String(), Type.Unknown(), { description: 'The declared data' }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'Tờ khai: the e-form declaration, null for a procedure without a form (assumed)' },
    ),
    TaiLieuNop: Type.Array(InboundAttachment, {
      maxItems: 50,
      description: 'Tài liệu nộp: the attachments (766 4.2; assumed)',
    }),
    TrangThaiThanhToan: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)], {
      description: '0 nothing paid, 1 paid online on the portal, 2 no fee due (assumed)',
    }),
  },
  { additionalProperties: false, $id: 'InboundDossier' },
)
export type InboundDossier = Static<typeof InboundDossier>
