import type { Principal } from '../../domain/access/principal.ts'
import { canReadDossier } from '../../domain/access/route-permissions.ts'
import type { FieldError } from '../../domain/declarations/named-rules.ts'
import { setValueAt, valueAt } from '../../domain/declarations/named-rules.ts'
import type { DeclarationChange } from '../../domain/dossier/events.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { formOf, validators } from './check-declaration.ts'

type Fields = Record<string, unknown>

/**
 * Whether a command carries something the dossier's form must check: an approving appraisal (its decision
 * fields), corrections, or the field paths of a supplement request.
 */
export function needsFormCheck(action: string, fields: Fields): boolean {
  return (
    (action === 'appraise' && (fields.outcome === 'approve' || fields.decision !== undefined)) ||
    (action === 'receive-supplement' && Array.isArray(fields.corrections) && fields.corrections.length > 0) ||
    (action === 'request-supplement' && Array.isArray(fields.fields) && fields.fields.length > 0)
  )
}

const problemAt = (path: string, vi: string, en: string): FieldError[] => [{ path, message: { vi, en } }]

/**
 * Checks a command's form-bound fields against the dossier's pinned form, before the engine runs it:
 * the appraisal's decision fields under the result template's decision schema; a supplement request's
 * field paths exist in the declaration's form; the corrected declaration is still valid as a whole.
 * Who may do it and when stays the engine's gate; this only checks the data. Error paths are the body's.
 */
export async function checkCommandFields(
  db: Db,
  principal: Principal,
  ref: string,
  action: string,
  fields: Fields,
  today: string,
): Promise<readonly FieldError[]> {
  const found = await loadDossier(db, ref)
  // An unknown or unreadable dossier is the engine's answer to give (404/403), never a field error that
  // would tell a stranger about it.
  if (!found || !canReadDossier(principal, found.state)) return []
  const d = found.state
  const form = d.declaration
    ? await formOf(db, d.procedure.code, d.procedure.version, d.declaration.formVersion)
    : await formOf(db, d.procedure.code, d.procedure.version)
  const key = `${d.procedure.code}@${d.procedure.version}#${form?.version ?? 0}`
  if (action === 'appraise') {
    if (!form)
      return fields.decision === undefined
        ? []
        : problemAt('decision', 'thủ tục không có mẫu kết quả', 'the procedure has no result template')
    if (fields.outcome !== 'approve') return []
    // The decision fields validated like a declaration of their own, labelled by the decision layout.
    const decisionForm = {
      ...form,
      schema: form.result.decisionSchema,
      layout: { steps: [{ id: 'decision', title: form.result.title, sections: form.result.decisionLayout }] },
      rules: [],
      computed: [],
    }
    // Approving without the decision fields is refused field by field: the result could not state them.
    const verdict = validators.validate(`${key}/decision`, decisionForm, fields.decision ?? {}, today)
    return verdict.ok ? [] : verdict.errors.map((e) => ({ ...e, path: e.path ? `decision/${e.path}` : 'decision' }))
  }
  if (!form || !d.declaration)
    return problemAt('fields', 'hồ sơ không có tờ khai điện tử', 'the dossier has no electronic declaration')
  if (action === 'request-supplement') {
    const unknown = (fields.fields as string[]).filter(
      (p) => valueAt(d.declaration?.data, p) === undefined && !declares(form.schema, p),
    )
    return unknown.map((p, i) => ({
      path: `fields/${i}`,
      message: { vi: `tờ khai không có trường ${p}`, en: `the declaration has no field ${p}` },
    }))
  }
  const corrections = fields.corrections as DeclarationChange[]
  const data = structuredClone(d.declaration.data) as Record<string, unknown>
  for (const c of corrections) setValueAt(data, c.path, c.value)
  const verdict = validators.validate(key, form, data, today)
  if (verdict.ok) return []
  const byPath = new Map(corrections.map((c, i) => [c.path, i]))
  return verdict.errors.map((e) => ({
    ...e,
    path: byPath.has(e.path) ? `corrections/${byPath.get(e.path)}/value` : `corrections/${e.path}`,
  }))
}

/** Whether the schema declares a property at the path (through `properties` and array `items`). */
function declares(schema: Record<string, unknown>, path: string): boolean {
  let node: Record<string, unknown> | undefined = schema
  for (const segment of path.split('/')) {
    if (!node) return false
    const items = node.items as Record<string, unknown> | undefined
    if (/^\d+$/.test(segment) && items) {
      node = items
      continue
    }
    const props = node.properties as Record<string, Record<string, unknown>> | undefined
    node = props?.[segment]
  }
  return node !== undefined
}
