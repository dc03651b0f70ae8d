import type { Condition, FormDefinition, LayoutField } from '../../../src/domain/declarations/form-definition.ts'
import { valueAt } from '../../../src/domain/declarations/named-rules.ts'

type Step = FormDefinition['layout']['steps'][number]

/** A section of the layout with its fields typed (the schema's recursive field type reads as unknown). */
export type Section = Omit<Step['sections'][number], 'fields'> & { readonly fields: readonly LayoutField[] }

/** The sections of one step, typed. */
export const stepSections = (step: Step): Section[] => step.sections as Section[]

/** The three parts of an address widget, each a field of its own in the data (`residence/commune`). */
export const addressParts = ['province', 'commune', 'street'] as const
export type AddressPart = (typeof addressParts)[number]

/**
 * A field as it stands in the data: `path` is concrete (`children/0/fullName`), `pattern` the same with
 * `*` for each item (`children/*\/fullName`, as rules and computed values name it); `part` marks the
 * parts of an address.
 */
export type Spot = {
  readonly field: LayoutField
  readonly path: string
  readonly pattern: string
  readonly part?: AddressPart
}

const join = (base: string, path: string) => (base ? `${base}/${path}` : path)

/** The item of the innermost repeat a path lies in (`children/1/fullName` → `children/1`), if any. */
function itemOf(path: string): string | undefined {
  const segments = path.split('/')
  for (let i = segments.length - 2; i >= 0; i--)
    if (/^\d+$/.test(segments[i] ?? '')) return segments.slice(0, i + 1).join('/')
  return undefined
}

/**
 * Whether a condition holds for the field at `path`, as the server reads it (declared-values.ts): the
 * condition's path is looked up in the field's repeat item first, else from the root; `equals` needs
 * that value, `notEquals` any other value or none.
 */
export function conditionHolds(condition: Condition | undefined, data: unknown, path: string): boolean {
  if (!condition) return true
  const item = itemOf(path)
  const own = item === undefined ? undefined : valueAt(valueAt(data, item), condition.path)
  const value = own !== undefined ? own : valueAt(data, condition.path)
  if (condition.equals !== undefined && value !== condition.equals) return false
  if (condition.notEquals !== undefined && value === condition.notEquals) return false
  return true
}

/** Every field the applicant sees in these sections, with the data as it is, in layout order. */
export function visibleSpots(sections: readonly Section[], data: unknown): Spot[] {
  const spots: Spot[] = []
  const walk = (fields: readonly LayoutField[], base: string, patternBase: string) => {
    for (const field of fields) {
      const path = join(base, field.path)
      const pattern = join(patternBase, field.path)
      if (!conditionHolds(field.showIf, data, path)) continue
      spots.push({ field, path, pattern })
      if (field.widget === 'address')
        for (const part of addressParts)
          spots.push({ field, path: `${path}/${part}`, pattern: `${pattern}/${part}`, part })
      else if (field.widget === 'group') walk(field.fields ?? [], path, pattern)
      else if (field.widget === 'repeat') {
        const items = valueAt(data, path)
        const count = Array.isArray(items) ? items.length : 0
        for (let i = 0; i < count; i++) walk(field.fields ?? [], `${path}/${i}`, `${pattern}/*`)
      }
    }
  }
  for (const section of sections) if (conditionHolds(section.showIf, data, '')) walk(section.fields, '', '')
  return spots
}

export const sectionsOf = (form: FormDefinition, stepIds?: readonly string[]): Section[] =>
  form.layout.steps.filter((s) => !stepIds || stepIds.includes(s.id)).flatMap(stepSections)

/** The data the applicant entered: blanks and the values of hidden fields dropped, nothing else changed. */
export function declarationData(form: FormDefinition, entered: unknown): Record<string, unknown> {
  const kept = new Set(visibleSpots(sectionsOf(form), entered).map((s) => s.path))
  const prune = (value: unknown, path: string): unknown => {
    if (value === '' || value === null || value === undefined || Number.isNaN(value)) return undefined
    if (Array.isArray(value)) return value.map((item, i) => prune(item, join(path, String(i))) ?? {})
    if (typeof value !== 'object') return kept.has(path) ? value : undefined
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      const pruned = prune(inner, join(path, key))
      if (pruned !== undefined) out[key] = pruned
    }
    return Object.keys(out).length > 0 || path === '' ? out : undefined
  }
  return prune(entered, '') as Record<string, unknown>
}
