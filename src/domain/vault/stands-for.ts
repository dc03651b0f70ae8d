import { DocumentForm } from '../catalog/procedure.ts'

/** What the matching needs of a vault item (kho dữ liệu điện tử): its kind and its title. */
export type VaultDocument = {
  /** e_result: a signed result of an earlier procedure; digitized: a signed copy of a paper component. */
  readonly kind: 'e_result' | 'digitized'
  /** "{result name} — {dossier code}" for a result, "{component name} (bản số hóa)" for a copy. */
  readonly title: string
}

/** A document component of a dossier: its name, and how the procedure wants it supplied (null: not listed). */
export type ComponentToSupply = { readonly name: string; readonly form: DocumentForm | null }

/** Case, accents, đ and spacing set aside: "Giấy  Khai sinh" and "giay khai sinh" are one name. */
export function comparableName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * The document a vault item is, by its title: the result's name before the dossier code, the
 * component's name before "(bản số hóa)"; a trailing remark in brackets is not part of the name.
 */
export function documentName(item: VaultDocument): string {
  const withoutCode = item.kind === 'e_result' ? (item.title.split(' — ')[0] ?? item.title) : item.title
  return comparableName(withoutCode.replace(/\s*\([^()]*\)\s*$/u, ''))
}

/**
 * Dùng lại giấy tờ trong kho: a vault item stands for a component when it is that document. A signed
 * copy of a paper component stands for the component of the same name; a result stands for every
 * component naming it as a whole phrase ("Giấy khai sinh" for "Bản sao Giấy khai sinh của trẻ").
 * _Product rule_ (rules.md, Reuse and digitization at the counter): a document to be presented
 * (giấy tờ phải xuất trình) is shown at the counter and never kept, so nothing stands for it.
 */
export function standsFor(item: VaultDocument, component: ComponentToSupply): boolean {
  if (component.form === DocumentForm.Presented) return false
  const name = documentName(item)
  const wanted = comparableName(component.name)
  if (name === '' || wanted === '') return false
  if (item.kind === 'digitized') return name === wanted
  return ` ${wanted} `.includes(` ${name} `)
}
