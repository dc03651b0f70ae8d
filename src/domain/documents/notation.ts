import { type DocumentType, DocumentTypes } from './document-type.ts'

/**
 * Số, ký hiệu của văn bản (Decree 30/2020 Appendix I, Part I, II.3): the number, with a leading 0 below
 * 10, a slash, then the type's abbreviation and the agency's joined by a hyphen — `05/QĐ-UBND`; a
 * công văn names the agency and the drafting unit — `123/UBND-VP`.
 */
export function formatNotation(
  number: number,
  type: DocumentType,
  agencyAbbreviation: string,
  draftingUnit: string,
): string {
  const n = number < 10 ? `0${number}` : String(number)
  const typeAbbreviation = DocumentTypes[type].abbreviation
  return typeAbbreviation === null
    ? `${n}/${agencyAbbreviation}-${draftingUnit}`
    : `${n}/${typeAbbreviation}-${agencyAbbreviation}`
}

const fold = (word: string) =>
  word.normalize('NFD').replace(/\p{M}/gu, '').replace(/^đ/i, 'Đ').slice(0, 1).toUpperCase()

/**
 * The agency's abbreviation when its head has set none (an assumption, rules.md "Electronic
 * documents"): a people's committee is UBND, a department S + the initials of its field (Sở Tư pháp
 * → STP), a service centre TTPVHCC, anything else the initials of its name.
 */
export function defaultAgencyAbbreviation(kind: string, name: string): string {
  if (kind === 'provincial_committee' || kind === 'commune_committee') return 'UBND'
  if (kind === 'provincial_service_center' || kind === 'commune_service_center') return 'TTPVHCC'
  const words = name.split(/\s+/).filter((w) => w !== '')
  if (kind === 'department' && words[0]?.toLowerCase() === 'sở') return ['S', ...words.slice(1).map(fold)].join('')
  return words.map(fold).join('').slice(0, 8) || 'CQ'
}
