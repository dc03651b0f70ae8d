/**
 * Trạng thái hồ sơ: the ten national status codes every dossier is synced to the national portal
 * with (rules.md §1). "Late" is not a status: it is derived from the appointment.
 */
export const DossierStatus = {
  /** Mới đăng ký: online submission waiting for the counter's check */
  Submitted: 1,
  /** Được tiếp nhận: accepted, dossier code and appointment issued */
  Received: 2,
  /** Không được tiếp nhận: refused at reception */
  NotReceived: 3,
  /** Đang xử lý */
  Processing: 4,
  /** Yêu cầu bổ sung: waiting for the applicant, clock paused */
  SupplementRequested: 5,
  /** Yêu cầu thực hiện nghĩa vụ tài chính */
  PaymentRequired: 6,
  /** Công dân yêu cầu rút hồ sơ */
  Withdrawn: 7,
  /** Dừng xử lý */
  Stopped: 8,
  /** Đã xử lý xong: result signed and issued */
  Done: 9,
  /** Đã trả kết quả */
  Returned: 10,
} as const
export type DossierStatus = (typeof DossierStatus)[keyof typeof DossierStatus]

/** Statuses in which the statutory clock is still relevant (the dossier is not finished). */
export const openStatuses: readonly DossierStatus[] = [
  DossierStatus.Received,
  DossierStatus.Processing,
  DossierStatus.SupplementRequested,
  DossierStatus.PaymentRequired,
]

/** Kênh nộp hồ sơ (rules.md §1). */
export const Channel = { InPerson: 1, Online: 2, Post: 3 } as const
export type Channel = (typeof Channel)[keyof typeof Channel]

/** Hình thức trả kết quả. */
export const ReturnMethod = { Counter: 'counter', Post: 'post', Online: 'online' } as const
export type ReturnMethod = (typeof ReturnMethod)[keyof typeof ReturnMethod]

/** Đánh giá mức độ hài lòng. */
export const Satisfaction = {
  VerySatisfied: 'very_satisfied',
  Satisfied: 'satisfied',
  NotSatisfied: 'not_satisfied',
} as const
export type Satisfaction = (typeof Satisfaction)[keyof typeof Satisfaction]
