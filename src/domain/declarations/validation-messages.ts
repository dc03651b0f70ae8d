import type { LocalText } from './form-definition.ts'

type Params = Record<string, unknown>

const formatNames: Record<string, LocalText> = {
  date: { vi: 'ngày (dd/mm/yyyy)', en: 'a date (dd/mm/yyyy)' },
  email: { vi: 'địa chỉ thư điện tử', en: 'an e-mail address' },
  uri: { vi: 'địa chỉ web', en: 'a web address' },
}

/** The applicant-facing wording of one JSON Schema keyword's failure, Vietnamese first. */
export function keywordMessage(keyword: string, params: Params): LocalText {
  switch (keyword) {
    case 'required':
      return { vi: 'chưa nhập (bắt buộc)', en: 'is required' }
    case 'type':
      return { vi: `sai kiểu dữ liệu (cần ${String(params.type)})`, en: `must be of type ${String(params.type)}` }
    case 'format': {
      const name = formatNames[String(params.format)] ?? { vi: String(params.format), en: String(params.format) }
      return { vi: `không đúng định dạng ${name.vi}`, en: `must be ${name.en}` }
    }
    case 'pattern':
      return { vi: 'không đúng định dạng quy định', en: 'is not in the prescribed format' }
    case 'enum':
    case 'const':
      return { vi: 'không phải một giá trị được phép', en: 'is not one of the allowed values' }
    case 'minLength':
      return {
        vi: `phải có ít nhất ${String(params.limit)} ký tự`,
        en: `must have at least ${String(params.limit)} characters`,
      }
    case 'maxLength':
      return {
        vi: `không được quá ${String(params.limit)} ký tự`,
        en: `must have at most ${String(params.limit)} characters`,
      }
    case 'minimum':
      return { vi: `không được nhỏ hơn ${String(params.limit)}`, en: `must be at least ${String(params.limit)}` }
    case 'maximum':
      return { vi: `không được lớn hơn ${String(params.limit)}`, en: `must be at most ${String(params.limit)}` }
    case 'minItems':
      return { vi: `cần ít nhất ${String(params.limit)} mục`, en: `needs at least ${String(params.limit)} items` }
    case 'maxItems':
      return { vi: `không được quá ${String(params.limit)} mục`, en: `may have at most ${String(params.limit)} items` }
    case 'additionalProperties':
      return { vi: 'không có trong tờ khai', en: 'is not part of the declaration' }
    default:
      return { vi: `không hợp lệ (${keyword})`, en: `is invalid (${keyword})` }
  }
}
