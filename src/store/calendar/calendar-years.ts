import type { YearDecision } from '../../domain/calendar/year-decision.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { type Db, inTransaction } from '../database.ts'

export type StoredYear = {
  readonly decision: YearDecision
  readonly enteredBy: string
  readonly enteredAt: Date
}

export async function listYearDecisions(db: Db): Promise<YearDecision[]> {
  const rows = await db.selectFrom('calendar_years').select('decision').orderBy('year').execute()
  return rows.map((r) => r.decision)
}

export async function findYearDecision(db: Db, year: number): Promise<StoredYear | null> {
  const row = await db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst()
  return row ? { decision: row.decision, enteredBy: row.entered_by, enteredAt: row.entered_at } : null
}

/** Creates or replaces a year's decision and audits it, in one transaction. */
export async function saveYearDecision(db: Db, decision: YearDecision, actor: string, now: Date): Promise<StoredYear> {
  return inTransaction(db, async (tx) => {
    const before = await tx
      .selectFrom('calendar_years')
      .select('decision')
      .where('year', '=', decision.year)
      .forUpdate()
      .executeTakeFirst()
    await tx
      .insertInto('calendar_years')
      .values({ year: decision.year, decision: JSON.stringify(decision), entered_by: actor, entered_at: now })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet((eb) => ({
          decision: eb.ref('excluded.decision'),
          entered_by: eb.ref('excluded.entered_by'),
          entered_at: eb.ref('excluded.entered_at'),
        })),
      )
      .execute()
    await appendAudit(tx, {
      at: now,
      actor,
      action: before ? 'calendar-year.replaced' : 'calendar-year.created',
      subject: `calendar-year:${decision.year}`,
      before: before?.decision ?? null,
      after: decision,
    })
    return { decision, enteredBy: actor, enteredAt: now }
  })
}

/** Removes a year's decision, so the default rule applies again; false when there was none. */
export async function deleteYearDecision(db: Db, year: number, actor: string, now: Date): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const removed = await tx
      .deleteFrom('calendar_years')
      .where('year', '=', year)
      .returning('decision')
      .executeTakeFirst()
    if (!removed) return false
    await appendAudit(tx, {
      at: now,
      actor,
      action: 'calendar-year.deleted',
      subject: `calendar-year:${year}`,
      before: removed.decision,
      after: null,
    })
    return true
  })
}

/** Loads the published decisions for years that have none yet; never overwrites an administrator's entry. */
export async function seedYearDecisions(db: Db, decisions: readonly YearDecision[], now: Date): Promise<number> {
  let added = 0
  for (const decision of decisions) {
    const inserted = await db
      .insertInto('calendar_years')
      .values({
        year: decision.year,
        decision: JSON.stringify(decision),
        entered_by: 'motcua migrate (published decisions)',
        entered_at: now,
      })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .executeTakeFirst()
    if (inserted) added++
  }
  return added
}
