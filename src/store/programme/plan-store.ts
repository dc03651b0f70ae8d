import type { ReformArea } from '../../domain/programme/reform-area.ts'
import type { ReformTask, TaskReport, TaskStatus } from '../../domain/programme/reform-task.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Db } from '../database.ts'
import { recordEvidenceFile, type StoredEvidence } from './programme-store.ts'

/** Kế hoạch cải cách hành chính năm: the year's plan of a programme. */
export type ReformPlan = {
  readonly programmeId: string
  readonly year: number
  readonly name: string
  /** The decision that issued it (số, ngày quyết định ban hành kế hoạch). */
  readonly decision: string
}

/** Creates the year's plan; false when the programme already has one for that year. */
export async function createPlan(db: Db, plan: ReformPlan, actor: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('reform_plans')
      .values({ programme_id: plan.programmeId, year: plan.year, name: plan.name, decision: plan.decision })
      .onConflict((oc) => oc.doNothing())
      .returning('year')
      .executeTakeFirst()
    if (!inserted) return false
    await appendAudit(tx, {
      at: now,
      actor,
      action: 'reform-plan.created',
      subject: `reform-plan:${plan.programmeId}/${plan.year}`,
      before: null,
      after: plan,
    })
    return true
  })
}

export async function loadPlan(db: Db, programmeId: string, year: number): Promise<ReformPlan | null> {
  const row = await db
    .selectFrom('reform_plans')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('year', '=', year)
    .executeTakeFirst()
  return row ? { programmeId: row.programme_id, year: row.year, name: row.name, decision: row.decision } : null
}

/** Giao nhiệm vụ: adds a task to the year's plan; audited. */
export async function insertTask(db: Db, programmeId: string, t: ReformTask, actor: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('reform_tasks')
      .values({
        id: t.id,
        programme_id: programmeId,
        plan_year: t.planYear,
        area: t.area,
        solution_group_id: t.solutionGroupId,
        title: t.title,
        output: t.output,
        agency_id: t.agencyId,
        deadline: t.deadline,
        status: t.status,
        completed_on: t.completedOn,
        version: t.version,
      })
      .execute()
    await appendAudit(tx, {
      at: now,
      actor,
      action: 'reform-task.assigned',
      subject: `reform-task:${t.id}`,
      before: null,
      after: t,
    })
  })
}

type TaskRow = {
  id: string
  plan_year: number
  area: string
  solution_group_id: string | null
  title: string
  output: string
  agency_id: string
  deadline: string
  status: string
  completed_on: string | null
  version: number
}

async function withReports(db: Db, rows: readonly TaskRow[]): Promise<ReformTask[]> {
  if (rows.length === 0) return []
  const reports = await db
    .selectFrom('reform_task_reports')
    .selectAll()
    .where(
      'task_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('reported_at')
    .orderBy('id')
    .execute()
  const byTask = new Map<string, TaskReport[]>()
  for (const r of reports)
    byTask.set(r.task_id, [
      ...(byTask.get(r.task_id) ?? []),
      {
        id: r.id,
        kind: r.kind as TaskReport['kind'],
        percent: r.percent,
        note: r.note,
        evidence:
          r.evidence_sha256 === null ? null : { sha256: r.evidence_sha256, name: r.evidence_name ?? r.evidence_sha256 },
        by: r.reported_by,
        at: new Date(r.reported_at).toISOString(),
      },
    ])
  return rows.map((r) => ({
    id: r.id,
    planYear: r.plan_year,
    area: r.area as ReformArea,
    solutionGroupId: r.solution_group_id,
    title: r.title,
    output: r.output,
    agencyId: r.agency_id,
    deadline: r.deadline,
    status: r.status as TaskStatus,
    completedOn: r.completed_on,
    reports: byTask.get(r.id) ?? [],
    version: r.version,
  }))
}

/** The year's tasks, of one unit or all, by deadline. */
export async function tasksOfPlan(
  db: Db,
  programmeId: string,
  year: number,
  agencyIds: readonly string[] | null,
): Promise<ReformTask[]> {
  if (agencyIds !== null && agencyIds.length === 0) return []
  let q = db
    .selectFrom('reform_tasks')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('plan_year', '=', year)
  if (agencyIds !== null) q = q.where('agency_id', 'in', agencyIds)
  return withReports(db, await q.orderBy('deadline').orderBy('title').execute())
}

export async function loadTask(db: Db, id: string): Promise<ReformTask | null> {
  const row = await db.selectFrom('reform_tasks').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? ((await withReports(db, [row]))[0] ?? null) : null
}

/**
 * Writes a decided task and its report, only if the task is still at the version read: false when
 * someone moved it first (nothing written). Audited with the status before and after.
 */
export async function saveTaskDecision(
  db: Db,
  before: ReformTask,
  after: ReformTask,
  report: TaskReport,
  file: StoredEvidence | null,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const moved = await tx
      .updateTable('reform_tasks')
      .set({ status: after.status, completed_on: after.completedOn, version: after.version })
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .executeTakeFirst()
    if (moved.numUpdatedRows !== 1n) return false
    if (file !== null) await recordEvidenceFile(tx, file, now)
    await tx
      .insertInto('reform_task_reports')
      .values({
        id: report.id,
        task_id: before.id,
        kind: report.kind,
        percent: report.percent,
        note: report.note,
        evidence_sha256: report.evidence?.sha256 ?? null,
        evidence_name: report.evidence?.name ?? null,
        reported_by: report.by,
        reported_at: report.at,
      })
      .execute()
    await appendAudit(tx, {
      at: now,
      actor: report.by,
      action: `reform-task.${report.kind}`,
      subject: `reform-task:${before.id}`,
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version, report },
    })
    return true
  })
}
