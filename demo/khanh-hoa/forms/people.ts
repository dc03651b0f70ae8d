import { type CodeListName, codeLists } from '../../../src/domain/declarations/code-lists/index.ts'
import {
  address,
  code,
  email,
  identityNumber,
  isoDate,
  type JsonSchema,
  personName,
  phone,
} from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type {
  CodeList,
  Condition,
  FormDefinition,
  LayoutField,
  LocalText,
  Widget,
} from '../../../src/domain/declarations/form-definition.ts'

// The parts the demo's declarations share: a person's fields with their labels, conditions, code lists.

export type LayoutSection = FormDefinition['layout']['steps'][number]['sections'][number]
export type ResultLine = FormDefinition['result']['lines'][number]

export const t = (vi: string, en: string): LocalText => ({ vi, en })

/** One layout field. */
export function field(
  path: string,
  label: LocalText,
  widget: Widget,
  more: { codeList?: string; showIf?: Condition; help?: LocalText; fields?: LayoutField[] } = {},
): LayoutField {
  return { path, label, widget, ...more }
}

/**
 * A conditional part: when `flag` (a sibling property) has `value`, `then` applies, else `otherwise`.
 * The flag is required inside `if` so an absent flag does not switch the branch on.
 */
export function when(flag: string, value: string | boolean, then: JsonSchema, otherwise?: JsonSchema): JsonSchema {
  return {
    if: { properties: { [flag]: { const: value } }, required: [flag] },
    then,
    ...(otherwise ? { else: otherwise } : {}),
  }
}

/** A branch that requires properties declared beside it (named here too, for ajv's strictRequired). */
export function requires(...names: string[]): JsonSchema {
  return { properties: Object.fromEntries(names.map((n) => [n, true])), required: names }
}

/** The form's copy of the shared code lists it uses (`province`: the address widget lists provinces by name). */
export function lists(...names: CodeListName[]): Record<string, CodeList> {
  return Object.fromEntries(names.map((n) => [n, codeLists[n]]))
}

/** A code list the form defines itself (its choices appear on the paper form), with its schema. */
export function choice(source: string, entries: [code: string, vi: string, en: string][]) {
  const list: CodeList = { source, entries: entries.map(([code, vi, en]) => ({ code, vi, en })) }
  return { list, schema: { type: 'string', enum: list.entries.map((e) => e.code) } as JsonSchema }
}

/** Fields a person may have, as the circulars name them. */
export function personProperties(ctx: FormContext) {
  return {
    fullName: personName,
    birthDate: isoDate,
    sex: code('sex'),
    ethnicity: code('ethnicity'),
    nationality: code('nationality'),
    identityNumber,
    residence: address(ctx.provinceCode, ctx.communes),
    relationship: code('relationship'),
    phone,
    email,
  } satisfies Record<string, JsonSchema>
}
export type PersonField = keyof ReturnType<typeof personProperties>

const personLabels: Record<PersonField, [LocalText, Widget, string?]> = {
  fullName: [t('Họ, chữ đệm và tên', 'Full name'), 'text'],
  birthDate: [t('Ngày, tháng, năm sinh', 'Date of birth'), 'date'],
  sex: [t('Giới tính', 'Sex'), 'radio', 'sex'],
  ethnicity: [t('Dân tộc', 'Ethnicity'), 'select', 'ethnicity'],
  nationality: [t('Quốc tịch', 'Nationality'), 'select', 'nationality'],
  identityNumber: [t('Số định danh cá nhân', 'Personal identification number'), 'identity-number'],
  residence: [t('Nơi cư trú', 'Place of residence'), 'address'],
  relationship: [t('Quan hệ', 'Relationship'), 'select', 'relationship'],
  phone: [t('Số điện thoại', 'Phone number'), 'phone'],
  email: [t('Thư điện tử', 'Email'), 'email'],
}

/** The schema of a person with the named fields, all required but `optional`. */
export function person(
  ctx: FormContext,
  fields: readonly PersonField[],
  optional: readonly PersonField[] = [],
): ObjectSchema {
  const all = personProperties(ctx)
  return {
    type: 'object',
    additionalProperties: false,
    required: fields.filter((f) => !optional.includes(f)),
    properties: Object.fromEntries(fields.map((f) => [f, all[f]])),
  }
}

type ObjectSchema = { type: string; properties: Record<string, unknown>; required: string[] } & JsonSchema

/** An object schema with more properties, all required but `optional`. */
export function extend<T extends ObjectSchema>(
  base: T,
  properties: Record<string, JsonSchema>,
  optional: readonly string[] = [],
): T {
  return {
    ...base,
    properties: { ...base.properties, ...properties },
    required: [...base.required, ...Object.keys(properties).filter((k) => !optional.includes(k))],
  }
}

/**
 * The layout of a person's fields under `prefix` (empty inside a repeat), with the standard labels;
 * `labels` renames one (e.g. the relationship: "Quan hệ với chủ hộ").
 */
export function personFields(
  prefix: string,
  fields: readonly PersonField[],
  labels: Partial<Record<PersonField, LocalText>> = {},
  showIf?: Condition,
): LayoutField[] {
  return fields.map((f) => {
    const [label, widget, codeList] = personLabels[f]
    return field(prefix ? `${prefix}/${f}` : f, labels[f] ?? label, widget, {
      ...(codeList ? { codeList } : {}),
      ...(showIf ? { showIf } : {}),
    })
  })
}

export const notAfterToday = (path: string, what: LocalText) => ({
  kind: 'not-after-today' as const,
  path,
  message: t(`${what.vi} không thể sau ngày hôm nay`, `${what.en} cannot be after today`),
})

export const identityMatches = (path: string, birthDate: string, sexPath: string) => ({
  kind: 'identity-matches-birth' as const,
  path,
  birthDate,
  sex: { path: sexPath },
  message: t(
    'Số định danh không khớp với năm sinh và giới tính',
    'The identification number does not match the birth year and sex',
  ),
})

export const adult = (path: string, who: LocalText) => ({
  kind: 'min-age' as const,
  path,
  years: 18,
  message: t(`${who.vi} phải từ đủ 18 tuổi trở lên`, `${who.en} must be at least 18`),
})
