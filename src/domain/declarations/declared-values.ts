import type { Condition, FormDefinition, LayoutField, LocalText } from './form-definition.ts'
import { valueAt } from './named-rules.ts'

/**
 * A declaration read back as the paper form shows it: every section of the layout with its labels and
 * its values as words (dates dd/mm/yyyy, code-list values by their names, addresses with their unit
 * names, repeating groups as tables). One reading for the tờ khai PDF, the result, receipt 01 and the
 * officer's screen, so they cannot disagree. Pure and DOM-free: the web imports it too.
 */

/** Names the data holds as codes: communes and provinces of addresses, looked up by the caller. */
export type PlaceNames = {
  readonly provinces?: Readonly<Record<string, string>>
  readonly communes?: Readonly<Record<string, string>>
}

export type Lang = 'vi' | 'en'

/** One labelled value; `path` is the full path in the declaration (`husband/birthDate`). */
export type DeclaredField = {
  readonly kind: 'field'
  readonly path: string
  readonly label: LocalText
  readonly value: string
}
/** A repeating group (children, members) as a table: one row per item. */
export type DeclaredTable = {
  readonly kind: 'table'
  readonly path: string
  readonly label: LocalText
  readonly columns: readonly { readonly path: string; readonly label: LocalText }[]
  /** Cells in column order; `path` of each cell is the item's full path (`children/0/fullName`). */
  readonly rows: readonly (readonly { readonly path: string; readonly value: string }[])[]
}
export type DeclaredEntry = DeclaredField | DeclaredTable
export type DeclaredSection = {
  readonly id: string
  readonly title: LocalText
  readonly entries: readonly DeclaredEntry[]
}

const wording = {
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
} satisfies Record<string, LocalText>

/** A section's fields: the recursive LayoutField schema is typed by its TypeScript twin, not by Static. */
const fieldsOf = (section: { readonly fields: readonly unknown[] }): LayoutField[] => [
  ...(section.fields as readonly LayoutField[]),
]

const join = (prefix: string, path: string) => (prefix === '' ? path : `${prefix}/${path}`)
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/

/** `2001-03-09` → `09/03/2001`; anything else unchanged. */
export const shortDate = (iso: string): string => iso.replace(isoDay, '$3/$2/$1')

/** Whether a step, section or field shows: a condition is on the item first (repeats), else the root. */
function shows(condition: Condition | undefined, root: unknown, item: unknown): boolean {
  if (!condition) return true
  const own = item === undefined ? undefined : valueAt(item, condition.path)
  const value = own !== undefined ? own : valueAt(root, condition.path)
  if (condition.equals !== undefined && value !== condition.equals) return false
  if (condition.notEquals !== undefined && value === condition.notEquals) return false
  return true
}

function addressWords(value: Record<string, unknown>, names: PlaceNames): string {
  const province = String(value.province ?? '')
  const commune = String(value.commune ?? '')
  return [value.street, names.communes?.[commune] ?? commune, names.provinces?.[province] ?? province]
    .map((part) => String(part ?? '').trim())
    .filter(Boolean)
    .join(', ')
}

/** One value in words, as the field's widget and code list say it is read. */
export function valueWords(
  form: Pick<FormDefinition, 'codeLists'>,
  field: Pick<LayoutField, 'widget' | 'codeList'> | undefined,
  value: unknown,
  names: PlaceNames = {},
  lang: Lang = 'vi',
): string {
  if (value === undefined || value === null || value === '') return ''
  if (field?.codeList) {
    const entry = form.codeLists[field.codeList]?.entries.find((e) => e.code === value)
    if (entry) return entry[lang]
  }
  if (typeof value === 'boolean') return (value ? wording.yes : wording.no)[lang]
  if (typeof value === 'string') return field?.widget === 'date' || isoDay.test(value) ? shortDate(value) : value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'object' && !Array.isArray(value)) return addressWords(value as Record<string, unknown>, names)
  return JSON.stringify(value)
}

function entriesOf(
  form: FormDefinition,
  fields: readonly LayoutField[],
  data: unknown,
  prefix: string,
  names: PlaceNames,
  lang: Lang,
): DeclaredEntry[] {
  const root = data
  const scope = prefix === '' ? data : valueAt(data, prefix)
  return fields.flatMap((field): DeclaredEntry[] => {
    if (!shows(field.showIf, root, prefix === '' ? undefined : scope)) return []
    const path = join(prefix, field.path)
    if (field.widget === 'group' && field.fields) return entriesOf(form, field.fields, data, path, names, lang)
    if (field.widget === 'repeat' && field.fields) {
      const items = valueAt(data, path)
      const columns = field.fields.map((f) => ({ path: f.path, label: f.label }))
      const rows = (Array.isArray(items) ? items : []).map((item, i) =>
        (field.fields ?? []).map((f) => {
          const cell = `${path}/${i}/${f.path}`
          return {
            path: cell,
            value: shows(f.showIf, root, item) ? valueWords(form, f, valueAt(data, cell), names, lang) : '',
          }
        }),
      )
      return [{ kind: 'table', path, label: field.label, columns, rows }]
    }
    return [
      { kind: 'field', path, label: field.label, value: valueWords(form, field, valueAt(data, path), names, lang) },
    ]
  })
}

/** The declaration's sections in layout order, each with the entries that show for this data. */
export function declaredSections(
  form: FormDefinition,
  data: Record<string, unknown>,
  names: PlaceNames = {},
  lang: Lang = 'vi',
): DeclaredSection[] {
  return form.layout.steps.flatMap((step) =>
    step.sections
      .filter((section) => shows(section.showIf, data, undefined))
      .map((section) => ({
        id: section.id,
        title: section.title,
        entries: entriesOf(form, fieldsOf(section), data, '', names, lang),
      })),
  )
}

/** The layout field at a full path (`husband/birthDate`, `children/0/fullName`), through groups and repeats. */
export function layoutFieldAt(fields: readonly LayoutField[], path: string): LayoutField | undefined {
  for (const field of fields) {
    if (field.path === path) return field
    if (!field.fields || !path.startsWith(`${field.path}/`)) continue
    const rest = path.slice(field.path.length + 1)
    const inner = field.widget === 'repeat' ? rest.replace(/^\d+\//, '') : rest
    const found = layoutFieldAt(field.fields, inner)
    if (found) return found
  }
  return undefined
}

const declarationFields = (form: FormDefinition): LayoutField[] =>
  form.layout.steps.flatMap((s) => s.sections.flatMap(fieldsOf))

/**
 * The declaration's key facts (receipt 01): each path's label and value in words. Two facts with the
 * same label (the bride's and the groom's name) are told apart by their section's title.
 */
export function keyFactRows(
  form: FormDefinition,
  data: Record<string, unknown>,
  names: PlaceNames = {},
  lang: Lang = 'vi',
): { label: string; value: string }[] {
  const sections = form.layout.steps.flatMap((s) => s.sections)
  const facts = form.keyFacts.map((path) => {
    const section = sections.find((s) => layoutFieldAt(fieldsOf(s), path))
    const field = section && layoutFieldAt(fieldsOf(section), path)
    return { path, field, section, label: field?.label[lang] ?? path }
  })
  return facts.map(({ path, field, section, label }) => {
    const shared = facts.filter((f) => f.label === label).length > 1
    return {
      label: shared && section ? `${label} (${section.title[lang]})` : label,
      value: valueWords(form, field, valueAt(data, path), names, lang),
    }
  })
}

/** The result template's lines with their values from the declaration or the officer's decision fields. */
export function resultLines(
  form: FormDefinition,
  data: Record<string, unknown>,
  decision: Record<string, unknown> | null,
  names: PlaceNames = {},
  lang: Lang = 'vi',
): { label: string; value: string }[] {
  const declared = declarationFields(form)
  const decided = form.result.decisionLayout.flatMap(fieldsOf)
  return form.result.lines.map((line) => {
    const fromDecision = line.from === 'decision'
    const field = layoutFieldAt(fromDecision ? decided : declared, line.path)
    const value = valueAt(fromDecision ? decision : data, line.path)
    return { label: line.label[lang], value: valueWords(form, field, value, names, lang) }
  })
}

/**
 * Whether a field (or table cell) was corrected: a changed path names it, a part of it (an address's
 * street) or a whole it belongs to (the address replaced at once).
 */
export const wasCorrected = (changedPaths: readonly string[], path: string): boolean =>
  changedPaths.some((c) => c === path || c.startsWith(`${path}/`) || path.startsWith(`${c}/`))
