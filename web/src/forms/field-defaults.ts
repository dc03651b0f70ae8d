import type { FormDefinition, LayoutField } from '../../../src/domain/declarations/form-definition.ts'
import { valueAt } from '../../../src/domain/declarations/named-rules.ts'
import { sectionsOf } from './layout-walk.ts'
import { addressRule } from './schema-at.ts'

const join = (base: string, path: string) => (base ? `${base}/${path}` : path)

function setIn(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('/')
  const last = keys.pop() as string
  let node = target
  for (const key of keys) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  if (node[last] === undefined) node[last] = value
}

/**
 * What an empty form starts with: the home province in each address (most applicants live there), so
 * the commune list opens at once. Values already present (a draft, a prefill) are kept.
 */
export function fieldDefaults(
  form: FormDefinition,
  fields: readonly LayoutField[],
  patternBase = '',
  start: Record<string, unknown> = {},
): Record<string, unknown> {
  const out = structuredClone(start)
  const walk = (list: readonly LayoutField[], base: string, pattern: string) => {
    for (const field of list) {
      const path = join(base, field.path)
      const fieldPattern = join(pattern, field.path)
      if (field.widget === 'address') {
        const home = addressRule(form.schema, fieldPattern)?.province
        if (home && valueAt(out, `${path}/province`) === undefined) setIn(out, `${path}/province`, home)
      } else if (field.widget === 'group') walk(field.fields ?? [], path, fieldPattern)
    }
  }
  walk(fields, '', patternBase)
  return out
}

/** The defaults of a whole form, over what the applicant already has. */
export const formDefaults = (form: FormDefinition, start: Record<string, unknown>) =>
  fieldDefaults(
    form,
    sectionsOf(form).flatMap((s) => s.fields),
    '',
    start,
  )
