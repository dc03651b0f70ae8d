import { type Static, Type } from 'typebox'
import { DateOnly, SourceRef } from './source.ts'

/** Kinds of agency in the two-tier local government since 1 July 2025 (no district level). */
export const AgencyKind = {
  /** Ủy ban nhân dân tỉnh */
  ProvincialCommittee: 'provincial_committee',
  /** Sở và cơ quan tương đương thuộc UBND tỉnh */
  Department: 'department',
  /** Trung tâm Phục vụ hành chính công tỉnh */
  ProvincialServiceCenter: 'provincial_service_center',
  /** Ủy ban nhân dân xã, phường, đặc khu */
  CommuneCommittee: 'commune_committee',
  /** Trung tâm Phục vụ hành chính công xã, phường, đặc khu */
  CommuneServiceCenter: 'commune_service_center',
  /** Cơ quan ngành dọc đặt tại tỉnh (thuế, công an, bảo hiểm xã hội) */
  CentralBranch: 'central_branch',
  /**
   * Đơn vị hành chính cấp xã, cấp huyện, and provincial bodies (of Ninh Thuận) that ceased on 30/6/2025,
   * kept only for history and successor links
   */
  FormerUnit: 'former_unit',
} as const
export const AgencyKindSchema = Type.Enum(AgencyKind, {
  description: 'Kind of agency (two-tier local government, rules.md §7)',
})
export type AgencyKind = (typeof AgencyKind)[keyof typeof AgencyKind]

/** A span of office hours within one day, local time Asia/Ho_Chi_Minh. */
export const OfficeHoursSpan = Type.Object({
  start: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Opening time HH:MM' }),
  end: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Closing time HH:MM' }),
})
export type OfficeHoursSpan = Static<typeof OfficeHoursSpan>

/** Default office hours (rules.md §4): 07:00–11:30 and 13:30–17:00, 8 hours. */
export const defaultOfficeHours: readonly OfficeHoursSpan[] = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
]

/** A dated value: names and QCVN 102 codes change when units are merged or renamed. */
export const DatedName = Type.Object({
  name: Type.String({ minLength: 1 }),
  validFrom: DateOnly,
  validTo: Type.Union([DateOnly, Type.Null()], { description: 'Last day of validity; null while in force' }),
})
export type DatedName = Static<typeof DatedName>

/** Mã định danh điện tử của cơ quan, đơn vị theo QCVN 102:2016/BTTTT, with its validity. */
export const DatedCode = Type.Object({
  code: Type.String({
    pattern: '^[A-Z0-9]+(\\.[A-Z0-9]+)*$',
    description: 'QCVN 102 unit identifier, the prefix of dossier codes (rules.md §3)',
  }),
  validFrom: DateOnly,
  validTo: Type.Union([DateOnly, Type.Null()]),
  confirmed: Type.Boolean({ description: 'True only when a public source confirms this code' }),
})
export type DatedCode = Static<typeof DatedCode>

/** Predecessor → successor link for merged or divided units (sắp xếp đơn vị hành chính). */
export const Succession = Type.Object({
  successorId: Type.String(),
  effectiveOn: DateOnly,
  partial: Type.Boolean({ description: 'Only part of the predecessor went to this successor' }),
})
export type Succession = Static<typeof Succession>

/** Cơ quan, đơn vị: a unit that receives, processes or returns dossiers. */
export const Agency = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$', description: 'Stable internal id, never reused' }),
  kind: AgencyKindSchema,
  parentId: Type.Union([Type.String(), Type.Null()]),
  statisticalCode: Type.Union([Type.String({ pattern: '^\\d{2,5}$' }), Type.Null()], {
    description:
      'Administrative unit code of Decision 19/2025/QĐ-TTg, for communes and the province; a former unit keeps the code it had until 30 June 2025',
  }),
  names: Type.Array(DatedName, { minItems: 1 }),
  codes: Type.Array(DatedCode),
  officeHours: Type.Array(OfficeHoursSpan, { minItems: 1 }),
  successors: Type.Array(Succession),
  source: SourceRef,
})
export type Agency = Static<typeof Agency>
