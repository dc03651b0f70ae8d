import type { Declaration, FormDefinition, LayoutField } from '../../domain/declarations/form-definition.ts'
import { valueAt, withComputedValues } from '../../domain/declarations/named-rules.ts'

/** Full paths of the layout's fields in reading order; a repeat's items are left out (they name others). */
function layoutPaths(fields: readonly LayoutField[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    if (field.widget === 'repeat') return []
    const path = prefix ? `${prefix}/${field.path}` : field.path
    return [path, ...layoutPaths(field.fields ?? [], path)]
  })
}

/** Every `name` property equal to `from` becomes `to`: one person may be named twice (asking for themself). */
function renamed(value: unknown, name: string, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((item) => renamed(item, name, from, to))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === name && inner === from ? to : renamed(inner, name, from, to),
    ]),
  )
}

/**
 * Where the example names its applicant: the first full name the layout shows outside repeats (a repeat
 * lists others), else a key fact that is a name (a construction permit's investor).
 */
function applicantPath(form: FormDefinition, example: object): string | undefined {
  const paths = layoutPaths(
    form.layout.steps.flatMap((step) => step.sections.flatMap((section) => section.fields as LayoutField[])),
  )
  const isNamed = (path: string) => typeof valueAt(example, path) === 'string'
  return (
    paths.find((path) => (path === 'fullName' || path.endsWith('/fullName')) && isNamed(path)) ??
    form.keyFacts.find((path) => path.endsWith('/name') && isNamed(path))
  )
}

/**
 * A seeded dossier's declaration: the form's example (its schema's JSON Schema `examples`), a copy whose
 * applicant carries the seeded applicant's name, with its
 * computed values filled as a real submission's are. None when the form has no example.
 */
export function seedDeclaration(form: FormDefinition, applicantName: string, today: string): Declaration | undefined {
  const example = (form.schema.examples as unknown[] | undefined)?.[0]
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return undefined
  const path = applicantPath(form, example)
  const data = (
    path === undefined
      ? structuredClone(example)
      : renamed(example, path.split('/').at(-1) as string, valueAt(example, path) as string, applicantName)
  ) as Record<string, unknown>
  return { formVersion: form.version, data: withComputedValues(form.computed, data, today) }
}
