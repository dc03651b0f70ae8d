import { fill } from '../forms/templates.ts'
import { AlertKind } from './alerts-due.ts'

type Bilingual = { readonly vi: string; readonly en: string }

/** What each alert says to the officers, Vietnamese first. */
export const alertWording: Record<AlertKind, Bilingual> = {
  [AlertKind.StepWarning]: {
    vi: 'Còn một ngày làm việc đến hạn của bước xử lý',
    en: 'One working day left before the step is due',
  },
  [AlertKind.DossierWarning]: {
    vi: 'Còn một ngày làm việc đến ngày hẹn trả kết quả',
    en: 'One working day left before the appointment',
  },
  [AlertKind.DossierOverdue]: {
    vi: 'Hồ sơ quá hạn chưa có văn bản xin lỗi và hẹn lại ngày trả: chuyển lãnh đạo',
    en: 'Overdue without an apology and a new date: escalated to the leader',
  },
  [AlertKind.SupplementExpired]: {
    vi: 'Hết thời hạn bổ sung hồ sơ: hồ sơ đã dừng giải quyết',
    en: 'The supplement time limit passed: the dossier was stopped',
  },
}

/**
 * The stop's reason and legal basis as form 05 (Thông báo dừng giải quyết hồ sơ, Circular
 * 03/2025/TT-VPCP) prints them: stored in the event, so in Vietnamese.
 */
export function supplementExpiredStop(limitDays: number): { reason: string; legalBasis: string } {
  return {
    reason: fill('Quá thời hạn {days} ngày làm việc bổ sung, hoàn thiện hồ sơ mà tổ chức, cá nhân chưa bổ sung', {
      days: String(limitDays),
    }),
    legalBasis:
      'Nghị định số 61/2018/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định số 107/2021/NĐ-CP và Nghị định số 118/2025/NĐ-CP; thời hạn bổ sung theo quy định của thủ tục hành chính',
  }
}
