import { circular012018 } from './circular-01-2018.ts'
import type { FormNumber } from './form-document.ts'
import type { FormTemplate } from './templates.ts'

const before = circular012018

/**
 * Forms of Annex I to Circular 03/2025/TT-VPCP (15 Sep 2025, guiding Decree 118/2025/NĐ-CP): seven
 * forms. What the annex changed is written here; the rest is the 2018 edition's wording. The titles and
 * numbers are the annex's; the body lines of 04 and 05 follow their new titles (docs/rules.md "Forms 01–07"
 * says which lines were read in the annex and which are ours).
 */
export const circular032025: Readonly<Record<FormNumber, FormTemplate>> = {
  '01': before['01'],
  '02': before['02'],
  '03': before['03'],
  '04': {
    ...before['04'],
    title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    labels: {
      ...before['04'].labels,
      reason: 'Lý do chậm giải quyết',
      apology: '{agency} xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết hồ sơ.',
      newAt: 'Thời gian trả kết quả đề nghị gia hạn đến',
    },
  },
  '05': {
    ...before['05'],
    number: '05',
    title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
    labels: {
      ...before['05'].labels,
      request: 'Căn cứ đề nghị dừng giải quyết hồ sơ của Ông/Bà {applicant} {requestedAt}',
      stoppedAt: 'Thời điểm dừng giải quyết',
      closing: '{agency} thông báo dừng giải quyết hồ sơ nêu trên./.',
    },
  },
  '06': { ...before['06'], number: '06' },
  '07': { ...before['07'], number: '07' },
}
