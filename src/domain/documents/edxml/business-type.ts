/**
 * Nghiệp vụ liên thông (TraceHeaderList/Bussiness/BussinessDocType, QCVN 102:2016 — the spelling
 * "Bussiness" is the standard's): what a package does to the document it carries. The codes
 * 0 new, 1 revocation, 2 update, 3 replacement are read from two independent implementations of the
 * axis (rules.md "Document exchange"), not from the standard's text.
 */
export const BusinessType = {
  New: 'new',
  Revocation: 'revocation',
  Update: 'update',
  Replacement: 'replacement',
} as const
export type BusinessType = (typeof BusinessType)[keyof typeof BusinessType]

export const businessTypeCode: Record<BusinessType, string> = {
  new: '0',
  revocation: '1',
  update: '2',
  replacement: '3',
}

export const businessTypeOfCode = (code: string): BusinessType | undefined =>
  (Object.entries(businessTypeCode) as [BusinessType, string][]).find(([, c]) => c === code)?.[0]

/** The reason printed when the sender gives none (BussinessDocReason). */
export const defaultReason: Record<BusinessType, string> = {
  new: 'Văn bản điện tử mới',
  revocation: 'Thu hồi văn bản',
  update: 'Cập nhật văn bản',
  replacement: 'Thay thế văn bản',
}
