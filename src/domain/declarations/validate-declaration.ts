import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { FormDefinition, LayoutField, LocalText } from './form-definition.ts'
import { checkNamedRules, type FieldError, withComputedValues } from './named-rules.ts'
import { keywordMessage } from './validation-messages.ts'

export type DeclarationVerdict =
  | { readonly ok: true; readonly data: Record<string, unknown> }
  | { readonly ok: false; readonly errors: readonly FieldError[] }

/**
 * A fresh ajv for JSON Schema 2020-12 with the standard formats (date, email…), strict about schemas;
 * `strictRequired` is off because an if/then branch rightly requires a property declared beside it.
 */
export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true })
  addFormats.default(ajv)
  return ajv
}

/**
 * Validators compiled once per form version and kept: a form version never changes once published,
 * so the key (procedure code, procedure version, form version) names one schema for good.
 */
export class DeclarationValidators {
  readonly #ajv = newAjv()
  readonly #compiled = new Map<string, ValidateFunction>()

  validatorFor(key: string, schema: Record<string, unknown>): ValidateFunction {
    let validate = this.#compiled.get(key)
    if (!validate) {
      // Compiled without its `$id` so two procedures' forms may reuse an id without clashing in one ajv.
      const { $id: _id, ...anonymous } = schema
      validate = this.#ajv.compile(anonymous)
      this.#compiled.set(key, validate)
    }
    return validate
  }

  /** Computed values filled, then the schema, then the named rules (only on data the schema accepts). */
  validate(key: string, form: FormDefinition, data: unknown, today: string): DeclarationVerdict {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, errors: [{ path: '', message: keywordMessage('type', { type: 'object' }) }] }
    }
    const filled = withComputedValues(form.computed, data as Record<string, unknown>, today)
    const validate = this.validatorFor(key, form.schema)
    if (!validate(filled)) return { ok: false, errors: fieldErrors(validate.errors ?? [], form) }
    const broken = checkNamedRules(form.rules, filled, today)
    return broken.length > 0 ? { ok: false, errors: broken } : { ok: true, data: filled }
  }
}

/** ajv's errors as one error per field path, worded for the applicant with the field's label. */
export function fieldErrors(errors: readonly ErrorObject[], form: FormDefinition): FieldError[] {
  const labels = layoutLabels(form)
  const byPath = new Map<string, FieldError>()
  for (const error of errors) {
    // `if` only says a branch failed; the branch's own errors name the field.
    if (error.keyword === 'if') continue
    const path = pathOf(error)
    if (byPath.has(path)) continue
    const label = labels.get(path.replace(/\/\d+(?=\/|$)/g, '/*'))
    const message = keywordMessage(error.keyword, error.params)
    byPath.set(path, { path, message: label ? prefixed(label, message) : message })
  }
  return [...byPath.values()]
}

function pathOf(error: ErrorObject): string {
  const base = error.instancePath.slice(1)
  const child =
    error.keyword === 'required'
      ? (error.params as { missingProperty: string }).missingProperty
      : error.keyword === 'additionalProperties'
        ? (error.params as { additionalProperty: string }).additionalProperty
        : null
  const path = child === null ? base : base ? `${base}/${child}` : child
  return path.replaceAll('~1', '/').replaceAll('~0', '~')
}

const prefixed = (label: LocalText, message: LocalText): LocalText => ({
  vi: `${label.vi}: ${message.vi}`,
  en: `${label.en}: ${message.en}`,
})

const labelsByForm = new WeakMap<FormDefinition, Map<string, LocalText>>()

/** Labels by absolute path; items of a repeating group under `*`. Built once per form object. */
function layoutLabels(form: FormDefinition): Map<string, LocalText> {
  const known = labelsByForm.get(form)
  if (known) return known
  const labels = new Map<string, LocalText>()
  labelsByForm.set(form, labels)
  const walk = (fields: readonly LayoutField[], prefix: string) => {
    for (const field of fields) {
      const path = prefix ? `${prefix}/${field.path}` : field.path
      labels.set(path, field.label)
      if (field.fields) walk(field.fields, field.widget === 'repeat' ? `${path}/*` : path)
    }
  }
  for (const step of form.layout.steps) for (const section of step.sections) walk(section.fields as LayoutField[], '')
  return labels
}
