import { type Static, type TSchema, Type } from 'typebox'

/** A text in Vietnamese first and English second, as every screen, form and message carries. */
export const LocalText = Type.Object(
  {
    vi: Type.String({ minLength: 1, description: 'Vietnamese wording (shown first)' }),
    en: Type.String({ minLength: 1, description: 'English wording' }),
  },
  { description: 'Vietnamese first, English second' },
)
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
export const Condition = Type.Object(
  {
    path: FieldPath,
    equals: Type.Optional(
      Type.Union([Type.String(), Type.Number(), Type.Boolean()], {
        description: 'Shown when the field has this value',
      }),
    ),
    notEquals: Type.Optional(
      Type.Union([Type.String(), Type.Number(), Type.Boolean()], {
        description: 'Shown when the field has another value (or none)',
      }),
    ),
  },
  { description: 'When the part is shown; hidden parts are left out of the declaration' },
)
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
const layoutFieldProperties = {
  path: FieldPath,
  label: { ...LocalText, description: 'The label, as on the paper declaration' },
  help: Type.Optional({ ...LocalText, description: 'Help shown under the field' }),
  widget: Type.Optional(Widget),
  codeList: Type.Optional(Type.String({ description: 'Name of a code list in the form’s `codeLists`' })),
  showIf: Type.Optional(Condition),
}
const nested = (inner: TSchema) =>
  Type.Optional(Type.Array(inner, { description: 'Fields of a group or of each repeated item' }))
// Three levels, written out rather than recursive, so the schema has no $defs to clash when it appears
// twice in one document (layout and result template): a group or repeat of groups of fields is enough.
const LayoutLeaf = Type.Object(layoutFieldProperties)
const LayoutInner = Type.Object({ ...layoutFieldProperties, fields: nested(LayoutLeaf) })
export const LayoutField: TSchema = Type.Object({ ...layoutFieldProperties, fields: nested(LayoutInner) })

/** A section of a step: a heading and its fields, as on the paper declaration. */
export const LayoutSection = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$', description: 'Section id, unique in the form' }),
  title: { ...LocalText, description: 'The section heading' },
  help: Type.Optional({ ...LocalText, description: 'Guidance shown under the heading' }),
  showIf: Type.Optional(Condition),
  fields: Type.Array(LayoutField, { minItems: 1, description: 'The fields, in the paper form’s order' }),
})

/** A step of the online form: the citizen sees one at a time; the counter sees them all at once. */
export const LayoutStep = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$', description: 'Step id, unique in the form' }),
  title: { ...LocalText, description: 'The step’s title in the step indicator' },
  sections: Type.Array(LayoutSection, { minItems: 1, description: 'The sections of the step' }),
})

export const FormLayout = Type.Object(
  { steps: Type.Array(LayoutStep, { minItems: 1, description: 'The steps, in order' }) },
  { description: 'How the declaration is entered: steps → sections → fields' },
)

/**
 * What JSON Schema cannot say, named so a client can implement it and an applicant reads why:
 * `not-after-today` (a date no later than the day of submission), `min-age` (the person at `path`'s
 * birth date is at least `years` old today), `differs-from` (two fields may not be equal),
 * `identity-matches-birth` (the citizen identity number's century-and-sex digit and year digits agree
 * with the birth date and sex, Circular 59/2021/TT-BCA art. 7).
 */
export const NamedRule = Type.Union([
  Type.Object({
    kind: Type.Literal('not-after-today', { description: 'The rule' }),
    path: FieldPath,
    message: { ...LocalText, description: 'What the applicant reads when the rule fails' },
  }),
  Type.Object({
    kind: Type.Literal('min-age', { description: 'The rule' }),
    path: FieldPath,
    years: Type.Integer({ minimum: 1, description: 'Minimum age in whole years on the day of submission' }),
    message: { ...LocalText, description: 'What the applicant reads when the rule fails' },
  }),
  Type.Object({
    kind: Type.Literal('differs-from', { description: 'The rule' }),
    path: FieldPath,
    other: FieldPath,
    message: { ...LocalText, description: 'What the applicant reads when the rule fails' },
  }),
  Type.Object({
    kind: Type.Literal('identity-matches-birth', { description: 'The rule' }),
    path: FieldPath,
    birthDate: FieldPath,
    sex: Type.Union(
      [
        Type.Object({ path: FieldPath }),
        Type.Object({ is: Type.Enum(['male', 'female'], { description: 'The sex the form fixes' }) }),
      ],
      {
        description: 'The field holding the sex, or the sex the form fixes (bên nữ / bên nam)',
      },
    ),
    message: { ...LocalText, description: 'What the applicant reads when the rule fails' },
  }),
])
export type NamedRule = Static<typeof NamedRule>

/** A value the form derives, shown read-only and always recomputed by the server. */
export const ComputedField = Type.Union([
  Type.Object({
    kind: Type.Literal('age-in-years', { description: 'Whole years from the date at `from` to today' }),
    path: FieldPath,
    from: FieldPath,
  }),
  Type.Object({
    kind: Type.Literal('count', { description: 'Number of items of the array at `of`' }),
    path: FieldPath,
    of: FieldPath,
  }),
])
export type ComputedField = Static<typeof ComputedField>

/** One entry of a code list (dân tộc, quốc tịch, giới tính, quan hệ…). */
export const CodeListEntry = Type.Object({
  code: Type.String({ minLength: 1, description: 'The code stored in the declaration' }),
  vi: Type.String({ description: 'Vietnamese name' }),
  en: Type.String({ description: 'English name' }),
})

/** A code list with where it comes from. */
export const CodeList = Type.Object({
  source: Type.String({ description: 'The legal text or standard the list is taken from' }),
  entries: Type.Array(CodeListEntry, { minItems: 1, description: 'The entries, in the source’s order' }),
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
  label: { ...LocalText, description: 'The line’s label on the result' },
  from: Type.Enum(['declaration', 'decision'], { description: 'declaration data, or the decision fields' }),
  path: FieldPath,
})

/**
 * The result document as a template (kết quả giải quyết): the decision fields the appraisal step asks
 * for (e.g. registration number and book) and the lines the signed e-result states.
 */
export const ResultTemplate = Type.Object(
  {
    title: { ...LocalText, description: 'The result document’s title, e.g. Giấy chứng nhận kết hôn' },
    decisionSchema: { ...JsonSchemaDocument, description: 'JSON Schema of the decision fields the appraisal gives' },
    decisionLayout: Type.Array(LayoutSection, { description: 'How the appraisal step enters the decision fields' }),
    lines: Type.Array(ResultLine, { minItems: 1, description: 'What the result states, line by line' }),
  },
  { description: 'Kết quả: the result document as a template' },
)
export type ResultTemplate = Static<typeof ResultTemplate>

/** Where the form's wording comes from; `illustrative` lists what no public source confirms. */
export const FormSource = Type.Object(
  {
    title: Type.String({ description: 'The circular and annex form, e.g. "Thông tư 04/2024/TT-BTP, Mẫu …"' }),
    url: Type.Union([Type.String(), Type.Null()], { description: 'Where the text was published; null if offline' }),
    illustrative: Type.Array(Type.String(), { description: 'What in the form no public source confirms' }),
  },
  { description: 'Where the form’s wording comes from' },
)

/**
 * Tờ khai điện tử: the declaration of one procedure version as data (Decree 45/2020/NĐ-CP art. 9, e-forms
 * whose data is reused): the JSON Schema its data must satisfy, the layout it is entered with, the named
 * rules, computed values, code lists, one attachment slot per document component, the key facts printed
 * on the receipt (form 01) and the result template. A dossier pins `version` with its procedure version.
 */
export const FormDefinition = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'Form version within the procedure version' }),
  title: { ...LocalText, description: 'The declaration’s title, e.g. Tờ khai đăng ký kết hôn' },
  schema: { ...JsonSchemaDocument, description: 'The data’s JSON Schema 2020-12: the contract of POST /api/dossiers' },
  layout: FormLayout,
  rules: Type.Array(NamedRule, { description: 'Checks JSON Schema cannot express, each with its message' }),
  computed: Type.Array(ComputedField, { description: 'Values derived by the server, shown read-only' }),
  codeLists: Type.Record(Type.String(), CodeList, { description: 'The code lists the layout names, by name' }),
  attachments: Type.Array(AttachmentSlot, { description: 'One upload slot per document component' }),
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
