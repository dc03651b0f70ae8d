/**
 * Trạng thái xử lý văn bản (Status/StatusCode of the status package, QCVN 102:2016): what the
 * receiving agency reports about a document it was sent. The two-digit codes are the task's list,
 * not checked against the standard's text (rules.md "Document exchange"): an assumption.
 */
export const StatusCode = {
  Arrived: '01',
  Rejected: '02',
  Accepted: '03',
  Assigned: '04',
  Processing: '05',
  Done: '06',
  TakenBack: '13',
  Updated: '15',
  Replaced: '16',
} as const
export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode]

/** Each code's wording, Vietnamese first, for the status package's Description and the screens. */
export const statusWording: Record<StatusCode, { vi: string; en: string }> = {
  '01': { vi: 'Đã đến', en: 'Arrived' },
  '02': { vi: 'Từ chối tiếp nhận', en: 'Rejected' },
  '03': { vi: 'Đã tiếp nhận', en: 'Accepted' },
  '04': { vi: 'Phân công xử lý', en: 'Assigned' },
  '05': { vi: 'Đang xử lý', en: 'Processing' },
  '06': { vi: 'Hoàn thành', en: 'Done' },
  '13': { vi: 'Lấy lại', en: 'Taken back' },
  '15': { vi: 'Cập nhật', en: 'Updated' },
  '16': { vi: 'Thay thế', en: 'Replaced' },
}

const codes = new Set<string>(Object.values(StatusCode))
export const isStatusCode = (value: string): value is StatusCode => codes.has(value)
