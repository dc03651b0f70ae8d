/** Why a command was refused: a typed code with the Vietnamese and English explanation. */
export type Refusal = { readonly code: RefusalCode; readonly vi: string; readonly en: string }

const refusals = {
  notAllowed: [
    'Bạn không có quyền thực hiện thao tác này với hồ sơ',
    'Your role or agency may not do this to the dossier',
  ],
  wrongStatus: ['Hồ sơ đang ở trạng thái không cho phép thao tác này', 'The dossier’s status does not allow this'],
  wrongStep: ['Hồ sơ chưa đến bước này', 'The dossier is not at this step'],
  notAssignee: ['Hồ sơ được phân công cho chuyên viên khác', 'The dossier is assigned to another specialist'],
  secondSupplementNeedsException: [
    'Mỗi cơ quan chỉ được yêu cầu bổ sung một lần; lần thứ hai cần người phê duyệt và căn cứ pháp lý',
    'An agency may request a supplement only once; a second needs an approver and a legal basis',
  ],
  appraisalRefused: [
    'Kết quả thẩm định là không đủ điều kiện: không thể phê duyệt',
    'The appraisal was negative: it cannot be approved',
  ],
  notAppraised: ['Hồ sơ chưa được thẩm định', 'The dossier has not been appraised'],
  alreadyReappointed: [
    'Hồ sơ đã được hẹn lại một lần; không được hẹn lại lần nữa',
    'The dossier was re-appointed once already',
  ],
  appointmentNotLater: ['Ngày hẹn mới phải sau ngày hẹn hiện tại', 'The new appointment must be after the current one'],
  alreadyWarned: ['Đã cảnh báo trễ hạn cho hồ sơ này', 'A late warning was already raised'],
  tooEarlyToWarn: [
    'Chỉ cảnh báo trễ hạn trong vòng một ngày làm việc trước hạn',
    'A late warning is raised only within one working day of the deadline',
  ],
  alreadyRated: ['Hồ sơ đã được đánh giá', 'The dossier has been rated already'],
  sameAgency: [
    'Không thể chuyển hồ sơ cho chính cơ quan đang giữ',
    'The dossier cannot be transferred to the agency holding it',
  ],
  invalidInput: ['Dữ liệu không hợp lệ', 'Invalid input'],
  correctionNotRequested: [
    'Chỉ được sửa những trường thông tin của tờ khai mà cơ quan yêu cầu bổ sung đã nêu',
    'Only the declaration fields the supplement request named may be corrected',
  ],
  noAppointment: ['Thủ tục không có thời hạn cụ thể', 'The procedure has no fixed time limit'],
  supplementNotExpired: ['Thời hạn bổ sung hồ sơ chưa hết', 'The supplement time limit has not expired'],
  unknownProcedure: ['Thủ tục không có phiên bản đang có hiệu lực', 'The procedure has no version in force'],
  notCompetentHere: [
    'Thủ tục này không thuộc danh mục tiếp nhận không phụ thuộc địa giới hành chính: hồ sơ phải nộp tại bộ phận một cửa của cơ quan có thẩm quyền',
    'This procedure is not received regardless of address: the dossier must be filed at the one-stop unit of the competent agency',
  ],
  unknownCompetentAgency: [
    'Cơ quan có thẩm quyền được chọn không phải là một xã, phường, đặc khu của tỉnh',
    'The competent agency chosen is not a commune of the province',
  ],
  competentAgencyRequired: [
    'Hãy chọn xã, phường, đặc khu có thẩm quyền giải quyết hồ sơ',
    'Choose the commune competent to decide the dossier',
  ],
  withdrawalPending: [
    'Đề nghị dừng giải quyết hồ sơ đang chờ cơ quan quyết định',
    'A withdrawal request awaits the agency’s decision',
  ],
  deadlinesUnchanged: [
    'Thay đổi lịch nghỉ lễ không làm thay đổi thời hạn của hồ sơ',
    'The calendar change does not move the dossier’s deadlines',
  ],
  noWithdrawalRequest: [
    'Không có đề nghị dừng giải quyết hồ sơ đang chờ quyết định',
    'No withdrawal request awaits a decision',
  ],
} as const

export type RefusalCode = keyof typeof refusals

export function refuse(code: RefusalCode, detail?: { vi: string; en: string }): Refusal {
  const [vi, en] = refusals[code]
  return detail ? { code, vi: `${vi}: ${detail.vi}`, en: `${en}: ${detail.en}` } : { code, vi, en }
}
