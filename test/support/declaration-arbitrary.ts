import fc from 'fast-check'
import type { FormDefinition, NamedRule } from '../../src/domain/declarations/form-definition.ts'
import {
  alignWith,
  centurySexDigit,
  expandPath,
  setValueAt,
  valueAt,
} from '../../src/domain/declarations/named-rules.ts'

type Schema = Record<string, unknown>
type Json = unknown

/**
 * Declarations generated from a form's published JSON Schema (the subset forms use: objects, strings with
 * enum/const/pattern/format/length, integers, booleans, arrays, if/then/else on const values, local $refs),
 * then adjusted to the form's named rules — JSON Schema cannot say "at least 18 today", so a generated
 * birth date is moved back far enough. Each generated declaration is one the form must accept.
 */
export function declarationArbitrary(form: FormDefinition, today: string): fc.Arbitrary<Record<string, Json>> {
  return arbitraryOf(form.schema, form.schema).map((data) => obeyRules(form.rules, data as Record<string, Json>, today))
}

/** One deterministic valid declaration of the form (for fixtures). */
export function sampleDeclaration(form: FormDefinition, today: string, seed = 7): Record<string, Json> {
  const [sample] = fc.sample(declarationArbitrary(form, today), { seed, numRuns: 1 })
  if (!sample) throw new Error('no sample')
  return sample
}

/** One deterministic valid value of a schema (e.g. the result template's decision fields). */
export function sampleOf(schema: Schema, seed = 7): Json {
  const [sample] = fc.sample(arbitraryOf(schema, schema), { seed, numRuns: 1 })
  return sample
}

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref
  if (typeof ref !== 'string') return schema
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json>((node, key) => (node as Record<string, Json>)?.[key], root)
  return { ...(target as Schema), ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) }
}

function arbitraryOf(raw: Schema, root: Schema): fc.Arbitrary<Json> {
  const schema = resolve(raw, root)
  if ('const' in schema) return fc.constant(schema.const)
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as Json[]))
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string':
      return stringOf(schema)
    case 'integer':
      return fc.integer({ min: num(schema.minimum, 0), max: num(schema.maximum, 1000) })
    case 'number':
      return fc.double({ min: num(schema.minimum, 0), max: num(schema.maximum, 1000), noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(arbitraryOf((schema.items as Schema) ?? {}, root), {
        minLength: num(schema.minItems, 0),
        maxLength: Math.max(num(schema.minItems, 0), Math.min(num(schema.maxItems, 3), 3)),
      })
    case 'object':
      return objectOf(schema, root)
    default:
      return fc.constant(null)
  }
}

const num = (value: Json, fallback: number) => (typeof value === 'number' ? value : fallback)

function stringOf(schema: Schema): fc.Arbitrary<string> {
  const min = num(schema.minLength, 0)
  const max = num(schema.maxLength, 60)
  const fits = (s: string) => [...s].length >= min && [...s].length <= max
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2004-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
  if (schema.format === 'email') return fc.stringMatching(/^[a-z][a-z0-9]{1,10}@[a-z]{2,8}\.vn$/).filter(fits)
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits)
  const letters = [...'abcdeghiklmnopqrstuvxyăâđêôơưáàảãạéèẻẽẹ ']
  return fc
    .array(fc.constantFrom(...letters), { minLength: Math.max(min, 1), maxLength: Math.min(max, 40) })
    .map((chars) => `X${chars.join('')}`.slice(0, max))
    .filter((s) => fits(s) && s.trim().length > 0)
}

/** All properties (optional ones sometimes left out), then the if/then/else branches applied. */
function objectOf(schema: Schema, root: Schema): fc.Arbitrary<Json> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>
  const required = new Set((schema.required ?? []) as string[])
  const record = fc.record(Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, arbitraryOf(s, root)])), {
    requiredKeys: Object.keys(properties).filter((k) => required.has(k)),
  })
  const conditionals = [schema, ...((schema.allOf ?? []) as Schema[])].filter((s) => s.if)
  return record.chain((value) => applyBranches(value as Record<string, Json>, conditionals, properties, root))
}

function applyBranches(
  value: Record<string, Json>,
  conditionals: readonly Schema[],
  properties: Record<string, Schema>,
  root: Schema,
): fc.Arbitrary<Json> {
  const patches: Record<string, fc.Arbitrary<Json>> = {}
  const drop = new Set<string>()
  for (const c of conditionals) {
    const branch = (holds(c.if as Schema, value) ? c.then : c.else) as Schema | undefined
    if (!branch) continue
    const branchProps = (branch.properties ?? {}) as Record<string, Schema>
    for (const key of (branch.required ?? []) as string[])
      if (!(key in value) && properties[key]) patches[key] = arbitraryOf(properties[key], root)
    for (const [key, s] of Object.entries(branchProps)) {
      const base = properties[key] ?? {}
      const merged = { ...base, ...s }
      if (s.type === 'object' || base.type === 'object') continue
      if (key in value || key in patches) patches[key] = arbitraryOf(merged, root)
    }
    // A property the branch forbids (`not: { required: [...] }`) is left out.
    for (const key of ((branch.not as Schema | undefined)?.required ?? []) as string[]) drop.add(key)
  }
  const kept = Object.fromEntries(Object.entries(value).filter(([k]) => !drop.has(k)))
  return Object.keys(patches).length === 0
    ? fc.constant(kept)
    : fc.record(patches).map((patched) => ({ ...kept, ...patched }))
}

/** The `if` of the forms: `properties` with const/enum, and `required`. */
function holds(condition: Schema, value: Record<string, Json>): boolean {
  for (const key of (condition.required ?? []) as string[]) if (!(key in value)) return false
  for (const [key, s] of Object.entries((condition.properties ?? {}) as Record<string, Schema>)) {
    if (!(key in value)) continue
    if ('const' in s && value[key] !== s.const) return false
    if (Array.isArray(s.enum) && !s.enum.includes(value[key])) return false
  }
  return true
}

/** Moves generated values into what the named rules allow. */
function obeyRules(rules: readonly NamedRule[], data: Record<string, Json>, today: string): Record<string, Json> {
  const year = Number(today.slice(0, 4))
  const order = ['min-age', 'not-after-today', 'identity-matches-birth', 'differs-from']
  for (const rule of [...rules].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))) {
    for (const path of expandPath(data, rule.path)) {
      const value = valueAt(data, path)
      if (typeof value !== 'string') continue
      const sibling = (other: string) => alignWith(path, rule.path, other)
      if (rule.kind === 'min-age' && Number(value.slice(0, 4)) > year - rule.years - 1)
        setValueAt(data, path, withYear(value, year - rule.years - 1 - (Number(value.slice(2, 4)) % 30)))
      if (rule.kind === 'not-after-today' && value > today) setValueAt(data, path, withYear(value, year - 1))
      if (rule.kind === 'identity-matches-birth' && value.length === 12) {
        const birth = valueAt(data, sibling(rule.birthDate))
        const sex = 'is' in rule.sex ? rule.sex.is : valueAt(data, sibling(rule.sex.path))
        if (typeof birth !== 'string' || (sex !== 'male' && sex !== 'female')) continue
        const digit = centurySexDigit(Number(birth.slice(0, 4)), sex)
        if (digit !== null) setValueAt(data, path, `${value.slice(0, 3)}${digit}${birth.slice(2, 4)}${value.slice(6)}`)
      }
      if (rule.kind === 'differs-from' && valueAt(data, sibling(rule.other)) === value)
        setValueAt(data, path, `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}`)
    }
  }
  return data
}

/** The same day in another year (29 February becomes the 28th). */
const withYear = (date: string, year: number) => `${year}${date.slice(4) === '-02-29' ? '-02-28' : date.slice(4)}`
