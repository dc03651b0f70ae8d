import type { ProgrammeTarget } from '../../domain/kpi/programme.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Db } from '../database.ts'

export async function listTargets(db: Db): Promise<ProgrammeTarget[]> {
  const rows = await db.selectFrom('reform_targets').selectAll().orderBy('measure').orderBy('effective_from').execute()
  return rows.map((r) => ({
    measure: r.measure as ProgrammeTarget['measure'],
    comparator: r.comparator,
    value: Number(r.value),
    effectiveFrom: r.effective_from,
    source: r.source,
  }))
}

/** Sets the target of a measure from a date on (replacing one from the same date); audited. */
export async function putTarget(db: Db, target: ProgrammeTarget, actor: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('reform_targets')
      .selectAll()
      .where('measure', '=', target.measure)
      .where('effective_from', '=', target.effectiveFrom)
      .executeTakeFirst()
    await tx
      .insertInto('reform_targets')
      .values({
        measure: target.measure,
        effective_from: target.effectiveFrom,
        comparator: target.comparator,
        value: target.value,
        source: target.source,
      })
      .onConflict((oc) =>
        oc.columns(['measure', 'effective_from']).doUpdateSet({
          comparator: target.comparator,
          value: target.value,
          source: target.source,
        }),
      )
      .execute()
    await appendAudit(tx, {
      at: now,
      actor,
      action: before ? 'reform-target.replaced' : 'reform-target.created',
      subject: `reform-target:${target.measure}@${target.effectiveFrom}`,
      before: before ?? null,
      after: target,
    })
  })
}
