import type { Selectable } from 'kysely'
import type { ComputedMeasure } from '../../domain/programme/measure.ts'
import type { Programme } from '../../domain/programme/programme.ts'
import type { ReportedFigure } from '../../domain/programme/programme-dashboard.ts'
import type { ReformArea } from '../../domain/programme/reform-area.ts'
import type { ReformTarget } from '../../domain/programme/reform-target.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Db } from '../database.ts'
import type { ProgrammeTables } from './programme-tables.ts'

/** Chương trình CCHC with its phases and groups of solutions, or null. */
export async function loadProgramme(db: Db, id: string): Promise<Programme | null> {
  const row = await db.selectFrom('reform_programmes').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return null
  const [phases, groups] = await Promise.all([
    db.selectFrom('reform_phases').selectAll().where('programme_id', '=', id).orderBy('from_year').execute(),
    db.selectFrom('reform_solution_groups').selectAll().where('programme_id', '=', id).orderBy('id').execute(),
  ])
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    source: row.source,
    phases: phases.map((p) => ({ id: p.id, name: p.name, fromYear: p.from_year, toYear: p.to_year })),
    solutionGroups: groups.map((g) => ({ id: g.id, area: g.area as ReformArea, name: g.name })),
  }
}

export async function listProgrammeIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('reform_programmes').select('id').orderBy('id').execute()
  return rows.map((r) => r.id)
}

/** A target row as the store reads it: the table's own type (programme-tables.ts), not a copy. */
type TargetRow = Selectable<ProgrammeTables['reform_programme_targets']>

const targetOf = (r: TargetRow): ReformTarget => ({
  id: r.id,
  programmeId: r.programme_id,
  key: r.key,
  title: r.title,
  titleEn: r.title_en,
  area: r.area as ReformArea,
  solutionGroupId: r.solution_group_id,
  phaseId: r.phase_id,
  year: r.year,
  source:
    r.kind === 'computed'
      ? { kind: 'computed', measure: r.measure as ComputedMeasure }
      : { kind: 'reported', responsibleAgencyId: r.responsible_agency_id },
  comparator: r.comparator,
  value: Number(r.value),
  effectiveFrom: r.effective_from,
  basis: r.basis,
  illustrative: r.illustrative,
})

/** Every revision of every target of the programme. */
export async function listProgrammeTargets(db: Db, programmeId: string): Promise<ReformTarget[]> {
  const rows = await db
    .selectFrom('reform_programme_targets')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('key')
    .orderBy('effective_from')
    .execute()
  return rows.map(targetOf)
}

export async function findTarget(db: Db, id: string): Promise<ReformTarget | null> {
  const row = await db.selectFrom('reform_programme_targets').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? targetOf(row) : null
}

/** Adds a target or a revision of one; false when the same revision (key, phase, year, date) exists. */
export async function insertTarget(db: Db, t: ReformTarget, actor: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('reform_programme_targets')
      .values({
        id: t.id,
        programme_id: t.programmeId,
        key: t.key,
        title: t.title,
        title_en: t.titleEn,
        area: t.area,
        solution_group_id: t.solutionGroupId,
        phase_id: t.phaseId,
        year: t.year,
        kind: t.source.kind,
        measure: t.source.kind === 'computed' ? t.source.measure : null,
        responsible_agency_id: t.source.kind === 'reported' ? t.source.responsibleAgencyId : null,
        comparator: t.comparator,
        value: t.value,
        effective_from: t.effectiveFrom,
        basis: t.basis,
        illustrative: t.illustrative,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return false
    await appendAudit(tx, {
      at: now,
      actor,
      action: 'programme-target.created',
      subject: `programme-target:${t.id}`,
      before: null,
      after: t,
    })
    return true
  })
}

/** A file already in storage, recorded once by its content (the `files` table of uploads). */
export type StoredEvidence = {
  readonly sha256: string
  readonly size: number
  readonly mediaType: 'application/pdf' | 'image/jpeg' | 'image/png'
  readonly name: string
}

export async function recordEvidenceFile(tx: Db, f: StoredEvidence, now: Date): Promise<void> {
  await tx
    .insertInto('files')
    .values({ sha256: f.sha256, size: f.size, media_type: f.mediaType, storage_key: f.sha256, created_at: now })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute()
}

/** Báo cáo số liệu chỉ tiêu: a unit's figure for a reported target, with its evidence; audited. */
export async function insertTargetReport(
  db: Db,
  programmeId: string,
  r: ReportedFigure,
  file: StoredEvidence,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await recordEvidenceFile(tx, file, now)
    await tx
      .insertInto('reform_target_reports')
      .values({
        id: r.id,
        programme_id: programmeId,
        target_key: r.targetKey,
        year: r.year,
        agency_id: r.agencyId,
        value: r.value,
        note: r.note,
        evidence_sha256: r.evidence.sha256,
        evidence_name: r.evidence.name,
        reported_by: r.reportedBy,
        reported_at: r.reportedAt,
      })
      .execute()
    await appendAudit(tx, {
      at: now,
      actor: r.reportedBy,
      action: 'programme-target.reported',
      subject: `programme-target-report:${r.id}`,
      before: null,
      after: r,
    })
  })
}

export async function reportedFigures(db: Db, programmeId: string): Promise<ReportedFigure[]> {
  const rows = await db
    .selectFrom('reform_target_reports')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('reported_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    targetKey: r.target_key,
    year: r.year,
    value: Number(r.value),
    agencyId: r.agency_id,
    note: r.note,
    evidence: { sha256: r.evidence_sha256, name: r.evidence_name },
    reportedBy: r.reported_by,
    reportedAt: new Date(r.reported_at).toISOString(),
  }))
}

/** Whether a file is evidence of the programme (a target report or a task report), and its name. */
export async function findEvidence(db: Db, sha256: string): Promise<{ name: string; mediaType: string } | null> {
  const [target, task, file] = await Promise.all([
    db
      .selectFrom('reform_target_reports')
      .select('evidence_name')
      .where('evidence_sha256', '=', sha256)
      .executeTakeFirst(),
    db
      .selectFrom('reform_task_reports')
      .select('evidence_name')
      .where('evidence_sha256', '=', sha256)
      .executeTakeFirst(),
    db.selectFrom('files').select('media_type').where('sha256', '=', sha256).executeTakeFirst(),
  ])
  const name = target?.evidence_name ?? task?.evidence_name ?? null
  return name === null || !file ? null : { name, mediaType: file.media_type }
}
