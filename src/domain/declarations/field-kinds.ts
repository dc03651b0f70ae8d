import { type CodeListName, codesOf } from './code-lists/index.ts'

/** A JSON Schema fragment (2020-12). Forms are plain data; these build the parts every form repeats. */
export type JsonSchema = Record<string, unknown>

/**
 * Province codes that open a 12-digit citizen identity number (số định danh cá nhân): the 63 codes of
 * the place of birth registration in Circular 59/2021/TT-BCA art. 7 and its annex (kept after the 2025
 * province mergers, since numbers already issued do not change). The fourth digit is the century and sex
 * (0/1: 1900s male/female, 2/3: 2000s, 4/5: 2100s, 6/7: 2200s, 8/9: 2300s), the fifth and sixth the last
 * two digits of the birth year, the last six a serial: checked against the birth date by the
 * `identity-matches-birth` rule.
 */
export const identityProvinceCodes = [
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025',
  '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048',
  '049', '051', '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075',
  '077', '079', '080', '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096',
] // biome-ignore format: a table

export const identityNumber: JsonSchema = {
  type: 'string',
  pattern: `^(${identityProvinceCodes.join('|')})[0-9]{9}$`,
  description: 'Số định danh cá nhân: 12 digits, province of birth registration + century/sex + year + serial',
}

/** Họ, chữ đệm và tên: letters (any script), spaces, hyphens and apostrophes; 1–100 characters. */
export const personName: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  pattern: "^[\\p{L}][\\p{L}\\p{M} '\\-.]*$",
}

/** A calendar date stored as ISO 8601 (YYYY-MM-DD); forms show dd/mm/yyyy. */
export const isoDate: JsonSchema = { type: 'string', format: 'date' }

/** A Vietnamese phone number: 0 or +84 then 9 digits. */
export const phone: JsonSchema = { type: 'string', pattern: '^(0|\\+84)[0-9]{9}$' }

export const email: JsonSchema = { type: 'string', format: 'email', maxLength: 254 }

export const text = (maxLength: number, minLength = 1): JsonSchema => ({ type: 'string', minLength, maxLength })

/** A value from one of the code lists (the form carries the list with its source). */
export const code = (list: CodeListName): JsonSchema => ({ type: 'string', enum: codesOf(list) })

/** One commune of the province's unit tree in force on a date (post-2025: province and commune). */
export type CommuneOnTree = { readonly code: string; readonly name: string }

/**
 * An address (địa chỉ, nơi cư trú): province, commune and the street part. Inside the home province the
 * commune must be one of the unit tree's current communes (a former unit is resolved to its successor
 * when typed); elsewhere the commune is named in full.
 */
export function address(homeProvinceCode: string, communes: readonly CommuneOnTree[]): JsonSchema {
  return {
    type: 'object',
    required: ['province', 'commune', 'street'],
    additionalProperties: false,
    properties: {
      province: { type: 'string', pattern: '^[0-9]{2}$', description: 'Mã tỉnh, thành phố (2 digits)' },
      commune: { type: 'string', minLength: 1, maxLength: 100, description: 'Mã hoặc tên xã, phường, đặc khu' },
      street: text(200),
    },
    if: { properties: { province: { const: homeProvinceCode } } },
    then: { properties: { commune: { enum: communes.map((c) => c.code) } } },
  }
}

/** An object with the given properties, all required except those named optional; nothing else allowed. */
export function object(properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    properties,
  }
}

/** The root of a form's schema: a 2020-12 document with its own `$id`. */
export function declarationSchema(id: string, root: JsonSchema): JsonSchema {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: id, ...root }
}
