import type { RequiredDocument } from '../catalog/procedure.ts'
import type { CommuneOnTree } from './field-kinds.ts'
import type { FormDefinition } from './form-definition.ts'

/** What a form is built against: the home province, its communes in force, the procedure's slots. */
export type FormContext = {
  /** Two-digit province code of the home province (Khánh Hòa: 56). */
  readonly provinceCode: string
  readonly communes: readonly CommuneOnTree[]
  readonly attachments: FormDefinition['attachments']
}

/**
 * One upload slot per document component (thành phần hồ sơ) of the procedure version. A document to be
 * presented (xuất trình) is shown at the counter, not uploaded, so it has no required slot; the others are
 * required unless published under an optional heading ("nếu có", "trường hợp").
 */
export function attachmentSlots(documents: readonly RequiredDocument[]): FormDefinition['attachments'] {
  return documents.map((d) => ({
    component: d.name,
    required: d.form !== 'presented' && !/nếu có|trường hợp/i.test(`${d.group ?? ''} ${d.name}`),
    accept: ['application/pdf', 'image/jpeg', 'image/png'],
  }))
}
