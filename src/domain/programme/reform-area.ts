/**
 * Nội dung cải cách hành chính: the six areas of the State administrative reform master programme
 * 2021–2030 (Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021–2030, Resolution
 * 76/NQ-CP of 15 July 2021, Art. 1 §III; rules.md "Reform programme").
 */
export const ReformArea = {
  Institutions: 'institutions',
  AdministrativeProcedures: 'administrative_procedures',
  Apparatus: 'apparatus',
  CivilService: 'civil_service',
  PublicFinance: 'public_finance',
  DigitalGovernment: 'digital_government',
} as const
export type ReformArea = (typeof ReformArea)[keyof typeof ReformArea]

export const reformAreas: readonly ReformArea[] = Object.values(ReformArea)

/** The areas' names as Resolution 76/NQ-CP words them, Vietnamese first. */
export const reformAreaNames: Record<ReformArea, { readonly vi: string; readonly en: string }> = {
  institutions: { vi: 'Cải cách thể chế', en: 'Institutional reform' },
  administrative_procedures: { vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedure reform' },
  apparatus: {
    vi: 'Cải cách tổ chức bộ máy hành chính nhà nước',
    en: 'Reform of the State administrative apparatus',
  },
  civil_service: { vi: 'Cải cách chế độ công vụ', en: 'Civil service reform' },
  public_finance: { vi: 'Cải cách tài chính công', en: 'Public finance reform' },
  digital_government: {
    vi: 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số',
    en: 'e-Government and digital government',
  },
}
