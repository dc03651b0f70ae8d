import type { FormNumber, TableColumn } from './form-document.ts'

/**
 * What every form prints, whichever circular's edition it follows (editions.ts). Patterns use `{name}`
 * placeholders filled by `fill`; builders pick labels by key and never spell Vietnamese themselves.
 */
export const common = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  formLabel: 'Mẫu số {n}',
  number: 'Số: {number}',
  placeDate: '{place}, {date}',
  /** "hh giờ mm phút, ngày dd tháng mm năm yyyy", Vietnam time. */
  time: '{hh} giờ {mm} phút, ngày {dd} tháng {MM} năm {yyyy}',
  date: 'ngày {dd} tháng {MM} năm {yyyy}',
  shortTime: '{hh}:{mm} {dd}/{MM}/{yyyy}',
  shortDate: '{dd}/{MM}/{yyyy}',
  noAppointment: 'Không có ngày hẹn trả cụ thể theo quy định',
  blank: '…………………',
  none: 'Không',
  signNote: '(Ký, ghi rõ họ tên)',
  signSealNote: '(Ký, ghi rõ họ tên, đóng dấu)',
  trackingUrl: '{baseUrl}/tra-cuu?ma={code}',
  fileName: 'mau-{n}-{code}.pdf',
  /** A form the edition does not number: named by its slug. */
  unnumberedFileName: '{slug}-{code}.pdf',
  /** PDF subject: which form of which circular the document follows. */
  basis: 'Mẫu số {n} ban hành kèm theo {circular}',
  unnumberedBasis: 'Không có mẫu trong {circular}',
  documentForms: {
    original: 'Bản chính',
    certified_copy: 'Bản sao có chứng thực',
    copy: 'Bản sao',
    presented: 'Bản chính (xuất trình)',
  } as Record<string, string>,
  fee: '{name}: {text}',
  timeliness: { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn', open: 'Đang giải quyết' },
}

/** One form of one circular's edition. */
export type FormTemplate = {
  /** Its number in the circular ("Mẫu số 05"); null when the circular has no such form. */
  readonly number: string | null
  /** File name stem of a form without a number. */
  readonly slug?: string
  readonly title: string
  readonly subtitle?: string
  readonly orientation: 'portrait' | 'landscape'
  /** Labels and sentence patterns, by key. */
  readonly labels: Readonly<Record<string, string>>
  readonly columns?: readonly TableColumn[]
  readonly signatures: readonly { readonly title: string; readonly note: string }[]
}

/** A procedure's changes to a template: a different title, some labels, columns or signatures. */
export type TemplateOverride = Partial<Omit<FormTemplate, 'labels'>> & {
  readonly labels?: Readonly<Record<string, string>>
}

/** Per-procedure overrides, by procedure code then form number (empty: every procedure uses the national forms). */
export const procedureOverrides: Record<string, Partial<Record<FormNumber, TemplateOverride>>> = {}

/** The template of `form` in an edition's forms, with a procedure's override applied. */
export function templateFor(
  form: FormNumber,
  forms: Readonly<Record<FormNumber, FormTemplate>>,
  procedureCode: string | null,
  overrides: Record<string, Partial<Record<FormNumber, TemplateOverride>>> = procedureOverrides,
): FormTemplate {
  const base = forms[form]
  const override = procedureCode === null ? undefined : overrides[procedureCode]?.[form]
  if (!override) return base
  return { ...base, ...override, labels: { ...base.labels, ...(override.labels ?? {}) } }
}

/** Fills `{name}` placeholders; an unknown name is left as written, so a typo shows on the proof. */
export function fill(pattern: string, values: Readonly<Record<string, string | number>>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
