/**
 * Tên loại văn bản hành chính and their abbreviations for the notation (Decree 30/2020/NĐ-CP, Art. 7
 * and Appendix III, Part I). A công văn has no type abbreviation: its notation names the drafting
 * unit instead (Appendix I, Part I, II.3.b).
 */
export const DocumentTypes = {
  'nghi-quyet': { vi: 'Nghị quyết', abbreviation: 'NQ' },
  'quyet-dinh': { vi: 'Quyết định', abbreviation: 'QĐ' },
  'chi-thi': { vi: 'Chỉ thị', abbreviation: 'CT' },
  'quy-che': { vi: 'Quy chế', abbreviation: 'QC' },
  'quy-dinh': { vi: 'Quy định', abbreviation: 'QyĐ' },
  'thong-cao': { vi: 'Thông cáo', abbreviation: 'TC' },
  'thong-bao': { vi: 'Thông báo', abbreviation: 'TB' },
  'huong-dan': { vi: 'Hướng dẫn', abbreviation: 'HD' },
  'chuong-trinh': { vi: 'Chương trình', abbreviation: 'CTr' },
  'ke-hoach': { vi: 'Kế hoạch', abbreviation: 'KH' },
  'phuong-an': { vi: 'Phương án', abbreviation: 'PA' },
  'de-an': { vi: 'Đề án', abbreviation: 'ĐA' },
  'du-an': { vi: 'Dự án', abbreviation: 'DA' },
  'bao-cao': { vi: 'Báo cáo', abbreviation: 'BC' },
  'bien-ban': { vi: 'Biên bản', abbreviation: 'BB' },
  'to-trinh': { vi: 'Tờ trình', abbreviation: 'TTr' },
  'hop-dong': { vi: 'Hợp đồng', abbreviation: 'HĐ' },
  'cong-van': { vi: 'Công văn', abbreviation: null },
  'cong-dien': { vi: 'Công điện', abbreviation: 'CĐ' },
  'ban-ghi-nho': { vi: 'Bản ghi nhớ', abbreviation: 'BGN' },
  'ban-thoa-thuan': { vi: 'Bản thỏa thuận', abbreviation: 'BTT' },
  'giay-uy-quyen': { vi: 'Giấy ủy quyền', abbreviation: 'GUQ' },
  'giay-moi': { vi: 'Giấy mời', abbreviation: 'GM' },
  'giay-gioi-thieu': { vi: 'Giấy giới thiệu', abbreviation: 'GGT' },
  'giay-nghi-phep': { vi: 'Giấy nghỉ phép', abbreviation: 'GNP' },
  'phieu-gui': { vi: 'Phiếu gửi', abbreviation: 'PG' },
  'phieu-chuyen': { vi: 'Phiếu chuyển', abbreviation: 'PC' },
  'phieu-bao': { vi: 'Phiếu báo', abbreviation: 'PB' },
} as const satisfies Record<string, { vi: string; abbreviation: string | null }>
export type DocumentType = keyof typeof DocumentTypes
export const documentTypeIds = Object.keys(DocumentTypes) as DocumentType[]

/** Mức độ khẩn (Decree 30/2020 Art. 8(3)(b), Appendix I): hỏa tốc, thượng khẩn, khẩn, or none. */
export const Urgency = { Normal: 'normal', Urgent: 'urgent', VeryUrgent: 'very-urgent', Flash: 'flash' } as const
export type Urgency = (typeof Urgency)[keyof typeof Urgency]
export const urgencyLabel: Record<Urgency, string> = {
  normal: 'Thường',
  urgent: 'Khẩn',
  'very-urgent': 'Thượng khẩn',
  flash: 'Hỏa tốc',
}

/**
 * Độ mật (Law on protection of state secrets 2018, Art. 8: tuyệt mật, tối mật, mật). motcua records the
 * level; secret documents have their own series (Decree 30 Art. 15(2)) and are kept off the exchange.
 */
export const Confidentiality = { None: 'none', Secret: 'mat', TopSecret: 'toi-mat', Absolute: 'tuyet-mat' } as const
export type Confidentiality = (typeof Confidentiality)[keyof typeof Confidentiality]
export const confidentialityLabel: Record<Confidentiality, string> = {
  none: 'Thường',
  mat: 'Mật',
  'toi-mat': 'Tối mật',
  'tuyet-mat': 'Tuyệt mật',
}
