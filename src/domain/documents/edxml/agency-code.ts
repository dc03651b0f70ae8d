import { type Static, Type } from 'typebox'

/**
 * Mã định danh điện tử của cơ quan, tổ chức (QCVN 102:2016/BTTTT, as amended by Sửa đổi 1:2022 in
 * Circular 01/2022/TT-BTTTT): four groups, `L4.L3.L2.L1`, read right to left — L1 a letter and two
 * digits (G.. ministries and central bodies, H.. provinces), L2 and L3 two digits, L4 three digits,
 * e.g. `000.00.00.G22` (VPCP in the published samples) or `000.00.00.H34`. The pattern is confirmed
 * only by samples (rules.md "Document exchange"), not by the standard's text.
 */
const source = '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$'

export const AgencyCode = Type.String({
  pattern: source,
  description: 'QCVN 102:2016 agency code L4.L3.L2.L1, e.g. 000.00.00.H34',
})
export type AgencyCode = Static<typeof AgencyCode>

const pattern = new RegExp(source)

export const isAgencyCode = (value: string): boolean => pattern.test(value)
