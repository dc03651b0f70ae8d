import { type Static, type TSchema, Type } from 'typebox'

/** A text in Vietnamese first and English second, as every screen, form and message carries. */
export const LocalText = Type.Object({
  vi: Type.String({ minLength: 1, description: 'Vietnamese wording (shown first)' }),
  en: Type.String({ minLength: 1, description: 'English wording' }),
})
export type LocalText = Static<typeof LocalText>

/**
 * Where a field sits in a declaration: JSON Pointer segments without the leading slash
 * (`husband/birthDate`, `children/0/fullName`). In a layout, a field inside a repeating group names
 * its path relative to the item (`fullName`), and its group names the array (`children`).
 */
export const FieldPath = Type.String({
  pattern: '^[A-Za-z0-9_*]+(/[A-Za-z0-9_*]+)*$',
  description:
    'Path of a field in the declaration: JSON Pointer segments without the leading slash; `*` stands for every item of an array (in rules)',
})
export type FieldPath = Static<typeof FieldPath>

/** A plain JSON Schema (2020-12) document: what any client can validate a declaration with. */
export const JsonSchemaDocument = Type.Unsafe<Record<string, unknown>>(
  Type.Object({}, { additionalProperties: true, description: 'A JSON Schema 2020-12 document (type object)' }),
)

/** Show a step, section or field only when another field has (or has not) a value. */
export const Condition = Type.Object({
  path: FieldPath,
  equals: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  notEquals: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
})
export type Condition = Static<typeof Condition>

/** How a field is entered; the schema decides what is valid, the widget only how it is typed. */
export const Widget = Type.Enum(
  [
    'text',
    'textarea',
    'date',
    'number',
    'select',
    'radio',
    'checkbox',
    'identity-number',
    'phone',
    'email',
    'address',
    'group',
    'repeat',
  ],
  {
    description:
      'text, textarea, date (dd/mm/yyyy shown, ISO stored), number, select/radio (a code list or enum), checkbox, ' +
      'identity-number (12-digit citizen identity number), phone, email, address (province, commune on the dated ' +
      'unit tree, street), group (an object of fields), repeat (an array of groups: children, members)',
  },
)
export type Widget = Static<typeof Widget>

/** One field of the layout: where it is, how it is labelled and entered. */
export type LayoutField = {
  readonly path: string
  readonly label: LocalText
  readonly help?: LocalText | undefined
  readonly widget?: Widget | undefined
  readonly codeList?: string | undefined
  readonly showIf?: Condition | undefined
  readonly fields?: readonly LayoutField[] | undefined
}
export const LayoutField = Type.Cyclic(
  {
    LayoutField: Type.Object({
      path: FieldPath,
      label: LocalText,
      help: Type.Optional(LocalText),
      widget: Type.Optional(Widget),
      codeList: Type.Optional(Type.String({ description: 'Name of a code list in the form’s `codeLists`' })),
      showIf: Type.Optional(Condition),
      fields: Type.Optional(
        Type.Array(Type.Ref('LayoutField'), { description: 'Fields of a group or of each repeated item' }),
      ),
    }),
  },
  'LayoutField',
) as unknown as TSchema

/** A section of a step: a heading and its fields, as on the paper declaration. */
export const LayoutSection = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$' }),
  title: LocalText,
  help: Type.Optional(LocalText),
  showIf: Type.Optional(Condition),
  fields: Type.Array(LayoutField, { minItems: 1 }),
})

/** A step of the online form: the citizen sees one at a time; the counter sees them all at once. */
export const LayoutStep = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$' }),
  title: LocalText,
  sections: Type.Array(LayoutSection, { minItems: 1 }),
})

export const FormLayout = Type.Object({ steps: Type.Array(LayoutStep, { minItems: 1 }) })

/**
 * What JSON Schema cannot say, named so a client can implement it and an applicant reads why:
 * `not-after-today` (a date no later than the day of submission), `min-age` (the person at `path`'s
 * birth date is at least `years` old today), `differs-from` (two fields may not be equal),
 * `identity-matches-birth` (the citizen identity number's century-and-sex digit and year digits agree
 * with the birth date and sex, Circular 59/2021/TT-BCA art. 7).
 */
export const NamedRule = Type.Union([
  Type.Object({ kind: Type.Literal('not-after-today'), path: FieldPath, message: LocalText }),
  Type.Object({
    kind: Type.Literal('min-age'),
    path: FieldPath,
    years: Type.Integer({ minimum: 1 }),
    message: LocalText,
  }),
  Type.Object({ kind: Type.Literal('differs-from'), path: FieldPath, other: FieldPath, message: LocalText }),
  Type.Object({
    kind: Type.Literal('identity-matches-birth'),
    path: FieldPath,
    birthDate: FieldPath,
    sex: Type.Union([Type.Object({ path: FieldPath }), Type.Object({ is: Type.Enum(['male', 'female']) })], {
      description: 'The field holding the sex, or the sex the form fixes (bên nữ / bên nam)',
    }),
    message: LocalText,
  }),
])
export type NamedRule = Static<typeof NamedRule>

/** A value the form derives, shown read-only and always recomputed by the server. */
export const ComputedField = Type.Union([
  Type.Object({ kind: Type.Literal('age-in-years'), path: FieldPath, from: FieldPath }),
  Type.Object({ kind: Type.Literal('count'), path: FieldPath, of: FieldPath }),
])
export type ComputedField = Static<typeof ComputedField>

/** One entry of a code list (dân tộc, quốc tịch, giới tính, quan hệ…). */
export const CodeListEntry = Type.Object({
  code: Type.String({ minLength: 1 }),
  vi: Type.String(),
  en: Type.String(),
})

/** A code list with where it comes from. */
export const CodeList = Type.Object({
  source: Type.String({ description: 'The legal text or standard the list is taken from' }),
  entries: Type.Array(CodeListEntry, { minItems: 1 }),
})
export type CodeList = Static<typeof CodeList>

/** The upload slot of one document component of the procedure (thành phần hồ sơ). */
export const AttachmentSlot = Type.Object({
  component: Type.String({ description: 'The required document’s name, as in the procedure version' }),
  required: Type.Boolean({ description: 'Whether the dossier is incomplete without it' }),
  accept: Type.Array(Type.String(), { description: 'Media types accepted, e.g. application/pdf' }),
})

/** Where a result line takes its value from: the declaration or the officer's decision fields. */
export const ResultLine = Type.Object({
  label: LocalText,
  from: Type.Enum(['declaration', 'decision']),
  path: FieldPath,
})

/**
 * The result document as a template (kết quả giải quyết): the decision fields the appraisal step asks
 * for (e.g. registration number and book) and the lines the signed e-result states.
 */
export const ResultTemplate = Type.Object({
  title: LocalText,
  decisionSchema: JsonSchemaDocument,
  decisionLayout: Type.Array(LayoutSection),
  lines: Type.Array(ResultLine, { minItems: 1 }),
})
export type ResultTemplate = Static<typeof ResultTemplate>

/** Where the form's wording comes from; `illustrative` lists what no public source confirms. */
export const FormSource = Type.Object({
  title: Type.String({ description: 'The circular and annex form, e.g. "Thông tư 04/2024/TT-BTP, Mẫu …"' }),
  url: Type.Union([Type.String(), Type.Null()]),
  illustrative: Type.Array(Type.String()),
})

/**
 * Tờ khai điện tử: the declaration of one procedure version as data (Decree 45/2020/NĐ-CP art. 9, e-forms
 * whose data is reused): the JSON Schema its data must satisfy, the layout it is entered with, the named
 * rules, computed values, code lists, one attachment slot per document component, the key facts printed
 * on the receipt (form 01) and the result template. A dossier pins `version` with its procedure version.
 */
export const FormDefinition = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'Form version within the procedure version' }),
  title: LocalText,
  schema: JsonSchemaDocument,
  layout: FormLayout,
  rules: Type.Array(NamedRule),
  computed: Type.Array(ComputedField),
  codeLists: Type.Record(Type.String(), CodeList),
  attachments: Type.Array(AttachmentSlot),
  keyFacts: Type.Array(FieldPath, { description: 'Fields listed on the receipt (form 01)' }),
  result: ResultTemplate,
  source: FormSource,
})
export type FormDefinition = Static<typeof FormDefinition>

/** A declaration as submitted: the data and the form version it was made on. */
export const Declaration = Type.Object({
  formVersion: Type.Integer({ minimum: 1 }),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'Valid under the pinned form’s schema' }),
})
export type Declaration = Static<typeof Declaration>
