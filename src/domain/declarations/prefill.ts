import type { ValidateFunction } from 'ajv/dist/2020.js'
import type { FormDefinition, LayoutField, NamedRule } from './form-definition.ts'
import { valueAt } from './named-rules.ts'
import { newAjv } from './validate-declaration.ts'

type Sex = 'male' | 'female'

/** What VNeID vouched for about the signed-in citizen (users row; absent claims are null). */
export type IdentityClaims = {
  readonly name: string
  readonly identityNumber: string | null
  /** YYYY-MM-DD */
  readonly birthDate: string | null
  readonly sex: Sex | null
  /** As the provider gave it: motcua's { province, commune, street } or OpenID Connect's address claim. */
  readonly address: unknown
}

/** One of the citizen's earlier dossiers' declaration, as it stands after any corrections. */
export type EarlierDeclaration = {
  /** Mã hồ sơ; null while the dossier is not yet received. */
  readonly dossierCode: string | null
  readonly data: Readonly<Record<string, unknown>>
}

/** A value offered for a field, with where it comes from, for the applicant to see and edit. */
export type PrefillValue = {
  readonly path: string
  readonly value: unknown
  readonly source: 'vneid' | 'earlier-declaration'
  readonly dossierCode?: string
}

/**
 * Điền sẵn tờ khai, never silently: the form's fields the citizen's identity or earlier declarations
 * already answer, each with its source (Decree 45/2020/NĐ-CP art. 9: data once given is reused).
 * The applicant's own fields (see `applicantPerson`) take what VNeID vouched for; any other field
 * (the applicant's fields VNeID left empty included) takes the value of the same path in the newest
 * earlier declaration that has one valid for the field. Computed fields are never offered. `earlier`
 * is newest first.
 */
export function prefillFor(
  form: FormDefinition,
  claims: IdentityClaims | null,
  earlier: readonly EarlierDeclaration[],
): PrefillValue[] {
  const fields = fillablePaths(form)
  const valid = (path: string, value: unknown) => {
    const schema = schemaAt(form.schema, path)
    return value !== undefined && value !== null && schema !== null && validatorOf(schema)(value)
  }
  const offered = new Map<string, PrefillValue>()
  const person = claims ? applicantPerson(form, fields, sexOf(claims)) : null
  if (claims && person !== null)
    for (const [leaf, value] of Object.entries(claimValues(claims))) {
      const path = person ? `${person}/${leaf}` : leaf
      if (fields.includes(path) && valid(path, value)) offered.set(path, { path, value, source: 'vneid' })
    }
  for (const path of fields) {
    if (offered.has(path)) continue
    for (const declaration of earlier) {
      const value = valueAt(declaration.data, path)
      if (!valid(path, value)) continue
      offered.set(path, {
        path,
        value,
        source: 'earlier-declaration',
        ...(declaration.dossierCode ? { dossierCode: declaration.dossierCode } : {}),
      })
      break
    }
  }
  return fields.flatMap((path) => offered.get(path) ?? [])
}

/** The claims under the field names a person's fields carry in every form (field-kinds.ts). */
function claimValues(claims: IdentityClaims): Record<string, unknown> {
  const residence = addressOf(claims.address)
  return {
    fullName: claims.name,
    identityNumber: claims.identityNumber,
    birthDate: claims.birthDate,
    sex: claims.sex,
    residence,
    address: residence,
  }
}

/** motcua's address shape as given, or OpenID Connect's (region → province, locality → commune). */
function addressOf(claim: unknown): unknown {
  if (claim === null || typeof claim !== 'object') return null
  const a = claim as Record<string, unknown>
  const own = 'province' in a || 'commune' in a
  const parts = own
    ? { province: a.province, commune: a.commune, street: a.street }
    : { province: a.region, commune: a.locality, street: a.street_address }
  return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined))
}

/** The sex VNeID gave, else the one the identity number's fourth digit encodes (even male, odd female). */
function sexOf(claims: IdentityClaims): Sex | null {
  if (claims.sex) return claims.sex
  const digit = claims.identityNumber && /^[0-9]{12}$/.test(claims.identityNumber) ? claims.identityNumber[3] : null
  return digit ? (Number(digit) % 2 === 0 ? 'male' : 'female') : null
}

/**
 * Whose fields are the applicant's: a person is the parent path of a `fullName` field (`''` for a
 * top-level one). The person named `applicant` when the form has one; otherwise the first person, in
 * layout order, whose sex the form does not fix otherwise (an `identity-matches-birth` rule with a
 * fixed `sex` on its identity number: the bride is female, the groom male). Null when none fits.
 */
export function applicantPerson(form: FormDefinition, paths: readonly string[], sex: Sex | null): string | null {
  const persons = paths.flatMap((p) =>
    p === 'fullName' ? [''] : p.endsWith('/fullName') ? [p.slice(0, -'/fullName'.length)] : [],
  )
  const named = persons.find((p) => p === 'applicant' || p.endsWith('/applicant'))
  if (named !== undefined) return named
  const fixedSex = (person: string) =>
    form.rules.find(
      (r): r is Extract<NamedRule, { kind: 'identity-matches-birth' }> =>
        r.kind === 'identity-matches-birth' && r.path === (person ? `${person}/identityNumber` : 'identityNumber'),
    )?.sex
  const fits = (person: string) => {
    const fixed = fixedSex(person)
    return !fixed || !('is' in fixed) || sex === null || fixed.is === sex
  }
  return persons.find(fits) ?? null
}

/**
 * The paths a prefill may answer, in layout order: every field outside a repeating group (a group's
 * fields under its path), and a repeating group as one whole list. Computed paths are left out.
 */
export function fillablePaths(form: FormDefinition): string[] {
  const computed = new Set(form.computed.map((c) => c.path))
  const paths: string[] = []
  const walk = (fields: readonly LayoutField[], prefix: string) => {
    for (const field of fields) {
      const path = prefix ? `${prefix}/${field.path}` : field.path
      if (field.widget === 'group' && field.fields) walk(field.fields, path)
      else if (!computed.has(path) && !paths.includes(path)) paths.push(path)
    }
  }
  for (const step of form.layout.steps) for (const section of step.sections) walk(section.fields as LayoutField[], '')
  return paths
}

/** The schema of the value at `path`, through `properties` (and `items` for list positions). */
function schemaAt(root: Record<string, unknown>, path: string): Record<string, unknown> | null {
  let schema: unknown = root
  for (const segment of path.split('/')) {
    if (schema === null || typeof schema !== 'object') return null
    const s = schema as { properties?: Record<string, unknown>; items?: unknown }
    schema = /^[0-9]+$/.test(segment) ? s.items : s.properties?.[segment]
  }
  return schema !== null && typeof schema === 'object' ? (schema as Record<string, unknown>) : null
}

// A field's schema is a small fragment shared by many forms (a name, a date, an address on the unit
// tree); each is compiled once, by the same ajv setup that validates whole declarations.
const ajv = newAjv()
const validators = new Map<string, ValidateFunction>()
function validatorOf(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema)
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv.compile(schema)
    validators.set(key, validate)
  }
  return validate
}
