import { Compile } from 'typebox/compile'
import { HolidayRule, type RuleProblem } from '../../domain/calendar/holiday-rule.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { type Db, inTransaction } from '../database.ts'

const ruleCheck = Compile(HolidayRule)

/** `holiday_rules.rule` as read: checked against the `HolidayRule` schema. */
function checkedRule(id: string, value: unknown): HolidayRule {
  if (ruleCheck.Check(value)) return value
  const first = [...ruleCheck.Errors(value)]
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message}`)
    .join('; ')
  throw new Error(`holiday rule ${id}: stored rule does not match its schema (${first})`)
}

export type StoredHolidayRule = { readonly rule: HolidayRule; readonly enteredBy: string; readonly enteredAt: Date }

/** Every rule, enabled or not, by effective date then id. */
export async function listHolidayRules(db: Db): Promise<StoredHolidayRule[]> {
  const rows = await db.selectFrom('holiday_rules').selectAll().execute()
  return rows
    .map((r) => ({ rule: checkedRule(r.id, r.rule), enteredBy: r.entered_by, enteredAt: r.entered_at }))
    .sort(
      (a, b) =>
        a.rule.effectiveFrom.localeCompare(b.rule.effectiveFrom) ||
        (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0),
    )
}

/** Adds a rule and audits it in one transaction; false when a rule with that id exists (nothing written). */
export async function createHolidayRule(db: Db, rule: HolidayRule, actor: string, now: Date): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const inserted = await tx
      .insertInto('holiday_rules')
      .values({ id: rule.id, rule: JSON.stringify(rule), entered_by: actor, entered_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return false
    await appendAudit(tx, {
      at: now,
      actor,
      action: 'holiday-rule.created',
      subject: `holiday-rule:${rule.id}`,
      before: null,
      after: rule,
    })
    return true
  })
}

export type RuleRevision =
  | { readonly kind: 'not_found' }
  | { readonly kind: 'invalid'; readonly problems: readonly RuleProblem[] }
  | { readonly kind: 'saved'; readonly stored: StoredHolidayRule }

/** Applies `revise` (a domain decision) to the stored rule under a row lock; audits a saved change. */
export async function reviseStoredHolidayRule(
  db: Db,
  id: string,
  revise: (rule: HolidayRule) => HolidayRule | RuleProblem[],
  actor: string,
  now: Date,
): Promise<RuleRevision> {
  return inTransaction(db, async (tx) => {
    const row = await tx.selectFrom('holiday_rules').select('rule').where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) return { kind: 'not_found' } as const
    const before = checkedRule(id, row.rule)
    const after = revise(before)
    if (Array.isArray(after)) return { kind: 'invalid', problems: after } as const
    await tx
      .updateTable('holiday_rules')
      .set({ rule: JSON.stringify(after), entered_by: actor, entered_at: now })
      .where('id', '=', id)
      .execute()
    await appendAudit(tx, {
      at: now,
      actor,
      action: 'holiday-rule.revised',
      subject: `holiday-rule:${id}`,
      before,
      after,
    })
    return { kind: 'saved', stored: { rule: after, enteredBy: actor, enteredAt: now } } as const
  })
}
