import { type DayNumber, dayOf, parseIsoDate } from '../calendar/local-time.ts'
import type { Dossier } from '../dossier/state.ts'
import { circular012018 } from './circular-01-2018.ts'
import { circular032025 } from './circular-03-2025.ts'
import type { FormNumber } from './form-document.ts'
import type { FormTemplate } from './templates.ts'

/** Where a fact about an edition was read. */
export type EditionSource = { readonly text: string; readonly url: string }

/**
 * Bộ biểu mẫu: one circular's forms 01–07 and the dossiers they apply to. A dossier prints the edition
 * in force on the day it was received, for its whole life (docs/rules.md "Forms 01–07").
 */
export type FormEdition = {
  readonly id: 'circular-01-2018' | 'circular-03-2025'
  /** As the forms' basis line cites it. */
  readonly circular: string
  /** First local reception day (Vietnam time) of the dossiers it applies to; null: every earlier one. */
  readonly receivedFrom: string | null
  readonly sources: readonly EditionSource[]
  readonly forms: Readonly<Record<FormNumber, FormTemplate>>
}

/** The editions, oldest first. */
export const formEditions: readonly FormEdition[] = [
  {
    id: 'circular-01-2018',
    circular: 'Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ',
    receivedFrom: null,
    sources: [
      {
        text: 'Annex of Circular 01/2018/TT-VPCP: Mẫu số 01–06 (04 Phiếu xin lỗi và hẹn lại ngày trả kết quả, 05 Phiếu kiểm soát quá trình giải quyết hồ sơ, 06 Sổ theo dõi hồ sơ)',
        url: 'https://trangtinphapluat.com/blog/bieu-mau/quy-trinh-giai-quyet-thu-tuc-hanh-chinh/',
      },
    ],
    forms: circular012018,
  },
  {
    id: 'circular-03-2025',
    circular: 'Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ',
    receivedFrom: '2025-09-15',
    sources: [
      {
        text: 'Annex I of Circular 03/2025/TT-VPCP: Mẫu số 01–07 (04 Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết, 05 Thông báo dừng giải quyết hồ sơ)',
        url: 'https://thuviennhadat.vn/phap-luat/tai-file-word-bieu-mau-thong-tu-03-2025-tt-vpcp-ve-giai-quyet-thu-tuc-hanh-chinh-tai-bo-phan-mot-cua-708489.html',
      },
      {
        text: 'Circular 03/2025/TT-VPCP of 15 Sep 2025 guides Decree 118/2025/NĐ-CP (in force from 1 July 2025); its forms apply from 15 Sep 2025 (thuviennhadat: "từ ngày 15/9/2025"): a circular does not apply before it is issued, so dossiers received from 1 July to 14 Sep 2025 keep the 2018 forms',
        url: 'https://hethongphapluat.com/thong-tu-03-2025-tt-vpcp-huong-dan-nghi-dinh-118-2025-nd-cp-thuc-hien-thu-tuc-hanh-chinh-theo-co-che-mot-cua-mot-cua-lien-thong-tai-bo-phan-mot-cua-va-cong-dich-vu-cong-quoc-gia-do-van-phong-chinh-phu-ban-hanh.html',
      },
    ],
    forms: circular032025,
  },
]

function firstDay(e: FormEdition): DayNumber {
  if (e.receivedFrom === null) return Number.NEGATIVE_INFINITY
  const day = parseIsoDate(e.receivedFrom)
  if (day === null) throw new Error(`form edition ${e.id}: bad date ${e.receivedFrom}`)
  return day
}

/** The edition for dossiers received on local day `day`. */
export function editionOn(day: DayNumber, editions: readonly FormEdition[] = formEditions): FormEdition {
  let chosen = editions[0]
  for (const e of editions) if (firstDay(e) <= day) chosen = e
  if (!chosen) throw new Error('no form edition')
  return chosen
}

/** The edition a dossier prints: by its reception day, or its submission day while never received. */
export const editionFor = (d: Dossier): FormEdition => editionOn(dayOf(d.receivedAt ?? d.submittedAt))
