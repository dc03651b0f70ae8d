import { type OutputUnit, Validator } from '@cfworker/json-schema'
import type { FormDefinition, LocalText } from '../../../src/domain/declarations/form-definition.ts'
import { checkNamedRules, valueAt } from '../../../src/domain/declarations/named-rules.ts'
import { keywordMessage } from '../../../src/domain/declarations/validation-messages.ts'

/**
 * What is wrong at one path of the declaration, in both languages. A schema keyword's message needs
 * the field's label before it (`complete` false); a named rule's or the server's reads alone.
 */
export type PathError = { readonly path: string; readonly message: LocalText; readonly complete: boolean }

// @cfworker/json-schema interprets the schema (no code generation), so it runs under a CSP without
// 'unsafe-eval' where ajv cannot; the server checks the same document with ajv.
const validators = new WeakMap<FormDefinition, Validator>()

function validatorOf(form: FormDefinition): Validator {
  let validator = validators.get(form)
  if (!validator) {
    validator = new Validator(form.schema as never, '2020-12', false)
    validators.set(form, validator)
  }
  return validator
}

/** Keywords that only say an inner part failed: the inner part's own error names the field. */
const wrappers = new Set([
  'properties',
  'items',
  'prefixItems',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  '$ref',
  'dependentSchemas',
])

const unescapeSegment = (segment: string) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~')
const pointerPath = (location: string) =>
  location.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapeSegment).join('/')

/** The keyword's value in the schema, where the error's keyword location points (a limit, a format). */
function keywordValue(schema: unknown, keywordLocation: string): unknown {
  return valueAt(schema, pointerPath(keywordLocation))
}

function toPathError(unit: OutputUnit, schema: unknown): { path: string; message: LocalText } | null {
  if (wrappers.has(unit.keyword)) return null
  const base = pointerPath(unit.instanceLocation)
  const missing =
    unit.keyword === 'required' || unit.keyword === 'dependentRequired' ? /"([^"]+)"/.exec(unit.error)?.[1] : undefined
  const path = missing ? (base ? `${base}/${missing}` : missing) : base
  const value = keywordValue(schema, unit.keywordLocation)
  const params = { limit: value, format: value, type: value }
  return { path, message: keywordMessage(unit.keyword, params) }
}

/** The schema's errors, one per path (the first found), worded by keyword as the server words them. */
export function schemaErrors(form: FormDefinition, data: unknown): PathError[] {
  const result = validatorOf(form).validate(data)
  if (result.valid) return []
  const byPath = new Map<string, PathError>()
  for (const unit of result.errors) {
    const error = toPathError(unit, form.schema)
    if (error && !byPath.has(error.path))
      byPath.set(error.path, { path: error.path, message: error.message, complete: false })
  }
  return [...byPath.values()]
}

/**
 * Every error of the declaration: the schema's, then the named rules' on fields the schema accepted.
 * `today` is the local date (YYYY-MM-DD) the rules count ages and "not after today" from.
 */
export function declarationErrors(form: FormDefinition, data: unknown, today: string): PathError[] {
  const schema = schemaErrors(form, data)
  const failed = new Set(schema.map((e) => e.path))
  const rules = checkNamedRules(form.rules, data, today)
    .filter((e) => !failed.has(e.path))
    .map((e) => ({ ...e, complete: true }))
  return [...schema, ...rules]
}

/** Today's date in Vietnam (UTC+7), as the server counts it. */
export function localToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now)
}

/** The server's field errors (`body/declaration/data/husband/birthDate`) as paths of the declaration. */
export function serverErrors(
  errors: readonly { path: string; message: string; en?: string | undefined }[],
): PathError[] {
  return errors.flatMap((e) => {
    const path = e.path.replace(/^\/?body\/declaration\/(data\/)?/, '')
    if (path === e.path) return []
    return [{ path, message: { vi: e.message, en: e.en ?? e.message }, complete: true }]
  })
}
