import type { MessageKey } from '../../i18n/message-key.ts'

/** A text field required only when another field has a given value (e.g. the note of a refusal). */
export type RequiredWhen = { readonly field: string; readonly value: string }

/** How one form field is entered and turned into the command body. */
export type Field =
  | { name: string; label: MessageKey; kind: 'text' | 'textarea'; required: boolean; requiredWhen?: RequiredWhen }
  | { name: string; label: MessageKey; kind: 'lines' }
  | { name: string; label: MessageKey; kind: 'datetime' }
  | { name: string; label: MessageKey; kind: 'amount' }
  | { name: string; label: MessageKey; kind: 'select'; options: { value: string; label: MessageKey }[] }
  /** Two answers, sent as a boolean (`yes` → true). */
  | { name: string; label: MessageKey; kind: 'yes-no'; yes: MessageKey; no: MessageKey }
  /** One row per item, each with its own reason (form 02), sent as `[{ name, reason }]`. */
  | { name: string; label: MessageKey; kind: 'itemised' }
  /** A unit of the agency tree: the province's one-stop units, or any agency in force. */
  | { name: string; label: MessageKey; kind: 'agency'; among: 'one-stop-units' | 'agencies' }

/**
 * A row of an itemised field: what is missing or wrong, and why (blank: the command's overall reason);
 * `key` tells the rows apart while they are added and removed.
 */
export type ItemRow = { readonly key: number; readonly name: string; readonly reason: string }

/** What a command form holds: text per field, rows for an itemised one. */
export type FormValues = Readonly<Record<string, string | readonly ItemRow[]>>

/** A field's text (empty when unset). */
export const textOf = (values: FormValues, name: string): string => {
  const value = values[name]
  return typeof value === 'string' ? value : ''
}

/** An itemised field's rows: one empty row to start with. */
export const rowsOf = (values: FormValues, name: string): readonly ItemRow[] => {
  const value = values[name]
  return Array.isArray(value) && value.length > 0 ? value : [{ key: 0, name: '', reason: '' }]
}

/** Whether the field must be filled given the other values (a refusal's note, say). */
export function isRequired(field: Field, values: FormValues): boolean {
  if (field.kind !== 'text' && field.kind !== 'textarea') return true
  if (field.requiredWhen && textOf(values, field.requiredWhen.field) === field.requiredWhen.value) return true
  return field.required
}

/** One command the office can run from the dossier view: endpoint, button, fields, fixed extras. */
export type Command = {
  path: string
  label: MessageKey
  fields: Field[]
  fixed?: Record<string, unknown>
}

const reasonAndBasis = (basisRequired: boolean): Field[] => [
  { name: 'reason', label: 'cmd.field.reason', kind: 'textarea', required: true },
  { name: 'legalBasis', label: 'cmd.field.legalBasis', kind: 'textarea', required: basisRequired },
]

/** Commands by action id (src/http/routes/dossier-commands.ts); every action the office is offered has one. */
export const commands: Record<string, Command> = {
  receive: { path: 'reception', label: 'cmd.receive', fields: [] },
  // Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (form 02): each missing or wrong item with why.
  'request-reception-supplement': {
    path: 'reception-supplement-requests',
    label: 'cmd.requestReceptionSupplement',
    fields: [
      { name: 'items', label: 'cmd.field.items', kind: 'itemised' },
      { name: 'reason', label: 'cmd.field.generalReason', kind: 'textarea', required: true },
    ],
  },
  'reject-reception': { path: 'reception-rejection', label: 'cmd.rejectReception', fields: reasonAndBasis(true) },
  transfer: { path: 'transfer', label: 'cmd.transfer', fields: [] },
  assign: {
    path: 'assignment',
    label: 'cmd.assign',
    fields: [
      { name: 'assigneeId', label: 'cmd.field.assigneeId', kind: 'text', required: true },
      { name: 'assigneeName', label: 'cmd.field.assigneeName', kind: 'text', required: true },
    ],
  },
  appraise: {
    path: 'appraisal',
    label: 'cmd.appraise',
    fields: [
      {
        name: 'outcome',
        label: 'cmd.field.outcome',
        kind: 'select',
        options: [
          { value: 'approve', label: 'cmd.outcome.approve' },
          { value: 'refuse', label: 'cmd.outcome.refuse' },
        ],
      },
      { name: 'note', label: 'cmd.field.note', kind: 'textarea', required: false },
    ],
  },
  'request-supplement': {
    path: 'supplement-requests',
    label: 'cmd.requestSupplement',
    fields: [
      { name: 'items', label: 'cmd.field.items', kind: 'lines' },
      { name: 'reason', label: 'cmd.field.reason', kind: 'textarea', required: true },
    ],
    fixed: { exception: null },
  },
  'receive-supplement': { path: 'supplements', label: 'cmd.receiveSupplement', fields: [], fixed: { components: [] } },
  approve: { path: 'approval', label: 'cmd.approve', fields: [] },
  issue: {
    path: 'issuance',
    label: 'cmd.issue',
    fields: [{ name: 'resultNumber', label: 'cmd.field.resultNumber', kind: 'text', required: true }],
  },
  'return-result': {
    path: 'result-return',
    label: 'cmd.returnResult',
    fields: [
      {
        name: 'method',
        label: 'cmd.field.method',
        kind: 'select',
        options: [
          { value: 'counter', label: 'cmd.method.counter' },
          { value: 'post', label: 'cmd.method.post' },
          { value: 'online', label: 'cmd.method.online' },
        ],
      },
    ],
  },
  redirect: {
    path: 'redirection',
    label: 'cmd.redirect',
    fields: [
      { name: 'toAgencyId', label: 'cmd.field.toOneStopUnit', kind: 'agency', among: 'one-stop-units' },
      { name: 'reason', label: 'cmd.field.reason', kind: 'textarea', required: true },
    ],
  },
  'require-payment': {
    path: 'payment-requests',
    label: 'cmd.requirePayment',
    fields: [
      { name: 'amountVnd', label: 'cmd.field.amountVnd', kind: 'amount' },
      { name: 'reason', label: 'cmd.field.paymentFor', kind: 'textarea', required: true },
    ],
  },
  'record-payment': {
    path: 'payments',
    label: 'cmd.recordPayment',
    fields: [
      { name: 'amountVnd', label: 'cmd.field.amountVnd', kind: 'amount' },
      { name: 'receipt', label: 'cmd.field.receipt', kind: 'text', required: true },
    ],
  },
  'transfer-to-agency': {
    path: 'inter-agency-transfers',
    label: 'cmd.transferToAgency',
    fields: [
      { name: 'toAgencyId', label: 'cmd.field.toAgencyId', kind: 'agency', among: 'agencies' },
      { name: 'reason', label: 'cmd.field.agencyTask', kind: 'textarea', required: true },
    ],
  },
  'return-from-agency': {
    path: 'inter-agency-returns',
    label: 'cmd.returnFromAgency',
    fields: [{ name: 'note', label: 'cmd.field.note', kind: 'textarea', required: false }],
  },
  withdraw: {
    path: 'withdrawal',
    label: 'cmd.withdraw',
    fields: [{ name: 'reason', label: 'cmd.field.reason', kind: 'textarea', required: false }],
  },
  // Đề nghị dừng giải quyết hồ sơ after reception: the agency decides (Circular 03/2025/TT-VPCP, form 05).
  'request-withdrawal': {
    path: 'withdrawal-requests',
    label: 'cmd.requestWithdrawal',
    fields: [{ name: 'reason', label: 'cmd.field.withdrawalReason', kind: 'textarea', required: true }],
  },
  'decide-withdrawal': {
    path: 'withdrawal-decision',
    label: 'cmd.decideWithdrawal',
    fields: [
      {
        name: 'accepted',
        label: 'cmd.field.withdrawalDecision',
        kind: 'yes-no',
        yes: 'cmd.withdrawal.accept',
        no: 'cmd.withdrawal.refuse',
      },
      {
        name: 'note',
        label: 'cmd.field.withdrawalNote',
        kind: 'textarea',
        required: false,
        requiredWhen: { field: 'accepted', value: 'no' },
      },
    ],
  },
  stop: { path: 'stop', label: 'cmd.stop', fields: reasonAndBasis(false) },
  'warn-late': { path: 'late-warnings', label: 'cmd.warnLate', fields: [] },
  'issue-apology': {
    path: 'apologies',
    label: 'cmd.issueApology',
    fields: [
      { name: 'reason', label: 'cmd.field.reason', kind: 'textarea', required: true },
      { name: 'newAppointmentAt', label: 'cmd.field.newAppointmentAt', kind: 'datetime' },
    ],
  },
}

/** The form of an action run on one component of the dossier, in the component list (ComponentList). */
export type ComponentForm = 'attach' | 'digitize' | 'vault-reuse'

/**
 * Actions on one component, each with its own form: the counter uploads a file the applicant handed in,
 * digitizes a paper component (số hóa: scan, upload, record) or reuses a document from the applicant's
 * vault (kho dữ liệu điện tử) — rules.md, Reuse and digitization at the counter.
 */
export const componentActions: Record<string, { readonly label: MessageKey; readonly form: ComponentForm }> = {
  'attach-file': { label: 'cmd.attachFile', form: 'attach' },
  digitize: { label: 'cmd.digitize', form: 'digitize' },
  'reuse-component': { label: 'cmd.reuseComponent', form: 'vault-reuse' },
}

/**
 * Actions availableActions never offers an office role (held by test/office-offers-a-form-for-every-action):
 * the applicant rates and pays from their own pages; motcua alone records the e-result.
 */
export const notOfferedInTheOffice = new Set(['rate', 'pay-online', 'record-electronic-result', 'reschedule'])

/** `2026-12-01T09:30` from a datetime-local input, as an instant in Vietnam time. */
export function vietnamInstant(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+07:00`
}

/**
 * The body fields a form's values make: lines split into items, rows as `{ name, reason }` (blank rows
 * left out), yes/no as a boolean, datetimes as instants.
 */
export function commandBody(command: Command, values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = { ...command.fixed }
  for (const field of command.fields) {
    if (field.kind === 'itemised') {
      body[field.name] = rowsOf(values, field.name)
        .map((row) => ({ name: row.name.trim(), reason: row.reason.trim() }))
        .filter((row) => row.name !== '')
      continue
    }
    const value = textOf(values, field.name) || (field.kind === 'select' ? (field.options[0]?.value ?? '') : '')
    if (field.kind === 'yes-no') body[field.name] = value === 'yes'
    else if (field.kind === 'lines')
      body[field.name] = value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    else if (field.kind === 'datetime') body[field.name] = value ? vietnamInstant(value) : ''
    else if (field.kind === 'amount') body[field.name] = Number(value.replace(/\D/g, ''))
    else body[field.name] = field.kind === 'select' || field.kind === 'agency' ? value : value.trim()
  }
  return body
}

/** A decision field of the procedure's result template (registration number, book…), as the appraisal asks for it. */
export type DecisionField = {
  path: string
  label: { vi: string; en: string }
  kind: 'text' | 'date' | 'number'
  required: boolean
}
/** A section of the result template's decision layout, with its fields. */
export type DecisionSection = { id: string; title: { vi: string; en: string }; fields: DecisionField[] }

type LayoutLike = {
  readonly id: string
  readonly title: { readonly vi: string; readonly en: string }
  readonly fields: readonly unknown[]
}
type FieldLike = { readonly path: string; readonly label: { vi: string; en: string }; readonly widget?: string }

/**
 * The appraisal's decision fields from a form's `result.decisionLayout`; required as the decision schema's
 * `required` says (the server validates the decision with the schema itself).
 */
export function decisionSections(
  layout: readonly LayoutLike[],
  schema: { readonly required?: unknown } = {},
): DecisionSection[] {
  const required = new Set(Array.isArray(schema.required) ? schema.required : [])
  return layout.map((section) => ({
    id: section.id,
    title: section.title,
    fields: (section.fields as readonly FieldLike[]).map((f) => ({
      path: f.path,
      label: f.label,
      kind: f.widget === 'date' ? 'date' : f.widget === 'number' ? 'number' : 'text',
      required: required.has(f.path.split('/')[0]),
    })),
  }))
}

/** The appraisal command's `decision`: each entered field at its path, numbers as numbers, blanks left out. */
export function decisionBody(
  sections: readonly DecisionSection[],
  values: Record<string, string>,
): Record<string, unknown> {
  const decision: Record<string, unknown> = {}
  for (const field of sections.flatMap((s) => s.fields)) {
    const raw = (values[field.path] ?? '').trim()
    if (raw === '') continue
    const segments = field.path.split('/')
    const last = segments.pop() as string
    let target = decision
    for (const segment of segments) {
      target[segment] ??= {}
      target = target[segment] as Record<string, unknown>
    }
    target[last] = field.kind === 'number' ? Number(raw) : raw
  }
  return decision
}
