// Pure and free of Node and the DOM: the server and the browser check the same named rules.
import type { ComputedField, LocalText, NamedRule } from './form-definition.ts'

/** A failed check: the field's path in the declaration and why. */
export type FieldError = { readonly path: string; readonly message: LocalText }

type Json = unknown

/** Every concrete path a rule path names: `children/*\/birthDate` → `children/0/birthDate`, `children/1/…`. */
export function expandPath(data: Json, path: string): string[] {
  let paths = ['']
  for (const segment of path.split('/')) {
    const next: string[] = []
    for (const prefix of paths) {
      if (segment !== '*') next.push(prefix ? `${prefix}/${segment}` : segment)
      else {
        const items = valueAt(data, prefix)
        if (Array.isArray(items))
          for (let i = 0; i < items.length; i++) next.push(prefix ? `${prefix}/${i}` : String(i))
      }
    }
    paths = next
  }
  return paths
}

/** The value at a path, or undefined when any segment is missing. */
export function valueAt(data: Json, path: string): Json {
  if (path === '') return data
  let current: Json = data
  for (const segment of path.split('/')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, Json>)[segment]
  }
  return current
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whole years from `birth` to `on` (both YYYY-MM-DD); null when either is not a date. */
export function ageInYears(birth: Json, on: string): number | null {
  const b = typeof birth === 'string' ? isoDatePattern.exec(birth) : null
  const o = isoDatePattern.exec(on)
  if (!b || !o) return null
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])]
  const [oy, om, od] = [Number(o[1]), Number(o[2]), Number(o[3])]
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0)
}

/**
 * The century-and-sex digit of a citizen identity number (Circular 59/2021/TT-BCA art. 7): 0/1 for
 * the 1900s, 2/3 for the 2000s, 4/5 the 2100s, 6/7 the 2200s, 8/9 the 2300s; even male, odd female.
 */
export function centurySexDigit(birthYear: number, sex: 'male' | 'female'): number | null {
  const century = Math.floor(birthYear / 100)
  const index = century - 19
  if (index < 0 || index > 4) return null
  return index * 2 + (sex === 'female' ? 1 : 0)
}

function identityMatchesBirth(identity: Json, birth: Json, sex: Json): boolean {
  if (typeof identity !== 'string' || identity.length !== 12 || typeof birth !== 'string') return true
  const date = isoDatePattern.exec(birth)
  if (!date || (sex !== 'male' && sex !== 'female')) return true
  const year = Number(date[1])
  return (
    Number(identity[3]) === centurySexDigit(year, sex) && identity.slice(4, 6) === String(year % 100).padStart(2, '0')
  )
}

/** Checks one named rule on every path it names; a missing value is the schema's business, not the rule's. */
function check(rule: NamedRule, data: Json, today: string): FieldError[] {
  const errors: FieldError[] = []
  for (const path of expandPath(data, rule.path)) {
    const value = valueAt(data, path)
    if (value === undefined || value === null || value === '') continue
    // A sibling path (`birthDate` beside `identityNumber`) is taken from the same array item.
    const sibling = (other: string) => valueAt(data, alignWith(path, rule.path, other))
    let ok = true
    switch (rule.kind) {
      case 'not-after-today':
        ok = typeof value !== 'string' || !isoDatePattern.test(value) || value <= today
        break
      case 'min-age': {
        const age = ageInYears(value, today)
        ok = age === null || age >= rule.years
        break
      }
      case 'differs-from':
        ok = value !== sibling(rule.other)
        break
      case 'identity-matches-birth':
        ok = identityMatchesBirth(
          value,
          sibling(rule.birthDate),
          'is' in rule.sex ? rule.sex.is : sibling(rule.sex.path),
        )
        break
    }
    if (!ok) errors.push({ path, message: rule.message })
  }
  return errors
}

/** Replaces the `*` of `pattern` in `other` by the indices `concrete` has at the same places. */
export function alignWith(concrete: string, pattern: string, other: string): string {
  const c = concrete.split('/')
  const p = pattern.split('/')
  const o = other.split('/')
  return o.map((segment, i) => (segment === '*' && p[i] === '*' ? (c[i] ?? segment) : segment)).join('/')
}

/** The errors of every named rule of a form; `today` is the local date of submission (YYYY-MM-DD). */
export function checkNamedRules(rules: readonly NamedRule[], data: Json, today: string): FieldError[] {
  return rules.flatMap((rule) => check(rule, data, today))
}

/** The declaration with its computed values filled in (a copy; what a client sent there is replaced). */
export function withComputedValues(
  computed: readonly ComputedField[],
  data: Record<string, Json>,
  today: string,
): Record<string, Json> {
  if (computed.length === 0) return data
  const copy = structuredClone(data)
  for (const field of computed) {
    const value =
      field.kind === 'age-in-years'
        ? ageInYears(valueAt(copy, field.from), today)
        : ((v) => (Array.isArray(v) ? v.length : 0))(valueAt(copy, field.of))
    setValueAt(copy, field.path, value)
  }
  return copy
}

/** Sets the value at a path, making the objects on the way; `null` removes the field. Mutates `data`. */
export function setValueAt(data: Record<string, Json>, path: string, value: Json): void {
  const segments = path.split('/')
  const last = segments.pop() as string
  let target = data
  for (const segment of segments) {
    const next = target[segment]
    if (next === null || typeof next !== 'object') target[segment] = {}
    target = target[segment] as Record<string, Json>
  }
  if (value === null) delete target[last]
  else target[last] = value
}
