import { dayOf, type EpochMs, isoDate, parseClock } from '../../domain/calendar/local-time.ts'
import { presentUnitOf, type UnitLinks } from '../../domain/catalog/succession.ts'
import type { DossierFacts } from '../../domain/kpi/facts.ts'
import {
  type HistoryCatalogue,
  type HistoryProcedure,
  historyFacts,
  type LineProblem,
  parseHistoryLine,
} from '../../domain/kpi/history-line.ts'
import type { WorkingDaysSource } from '../calendar/working-days-cache.ts'
import type { Db } from '../database.ts'
import { agencyCalendars } from '../dossiers/agency-calendars.ts'
import { loadFacts } from './facts-rows.ts'
import { recordFacts } from './record-facts.ts'

export type RejectedLine = { readonly line: number; readonly problem: LineProblem }

export type ImportSummary = {
  /** Lines whose facts were new or differed from the stored ones. */
  readonly imported: number
  /** Lines whose facts were already stored exactly so (a re-import). */
  readonly unchanged: number
  readonly rejected: readonly RejectedLine[]
}

type Version = HistoryProcedure & { readonly from: string }

/**
 * The catalogue in memory: a history file names procedures and agencies by their national codes; the
 * code of a unit abolished or merged in 2025 resolves to the unit its dossiers count at today.
 */
async function loadCatalogue(db: Db, workingDays: WorkingDaysSource): Promise<HistoryCatalogue> {
  const versions = await db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.code', 'v.procedure_code')
    .select([
      'p.code',
      'p.national_code',
      'v.effective_from',
      'v.field_id',
      'v.result_kind',
      'v.time_limit',
      'v.cutoff_time',
    ])
    .orderBy('v.effective_from')
    .execute()
  const byNational = new Map<string, Version[]>()
  const byCode = new Map<string, Version[]>()
  for (const v of versions) {
    const version = {
      code: v.code,
      fieldId: v.field_id,
      resultIsDocument: v.result_kind === 'document',
      timeLimit: v.time_limit,
      cutoffMinute: v.cutoff_time === null ? null : parseClock(v.cutoff_time),
      from: v.effective_from,
    }
    for (const [index, key] of [
      [byNational, v.national_code],
      [byCode, v.code],
    ] as const) {
      if (key === null) continue
      const list = index.get(key) ?? []
      list.push(version)
      index.set(key, list)
    }
  }
  const [codes, agencies, successions] = await Promise.all([
    db.selectFrom('agency_codes').select(['code', 'agency_id']).execute(),
    db.selectFrom('agencies').select(['id', 'parent_id']).execute(),
    db.selectFrom('agency_successions').select(['predecessor_id', 'successor_id', 'effective_on', 'partial']).execute(),
  ])
  const units = new Map<string, UnitLinks>(agencies.map((a) => [a.id, { parentId: a.parent_id, successors: [] }]))
  for (const s of successions)
    units.get(s.predecessor_id)?.successors.push({
      successorId: s.successor_id,
      effectiveOn: s.effective_on,
      partial: s.partial,
    })
  // A former unit's code names it; its dossiers count at its successor (rules.md §7).
  const agencyByCode = new Map(codes.map((c) => [c.code, presentUnitOf(units, c.agency_id)]))
  const calendar = await agencyCalendars(db, workingDays).forAgencies()
  return {
    // The version in force at reception; history older than the catalogue takes its first version.
    procedure(code: string, at: EpochMs) {
      const list = byNational.get(code) ?? byCode.get(code)
      if (!list) return null
      const day = isoDate(dayOf(at))
      return list.findLast((v) => v.from <= day) ?? list[0] ?? null
    },
    agency: (code: string) => agencyByCode.get(code) ?? null,
    calendar,
  }
}

/** Codes of the batch that another dossier (motcua's own, generated history) already holds. */
async function codesHeldElsewhere(tx: Db, facts: readonly DossierFacts[]): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('kpi_dossiers')
    .select(['code', 'dossier_id'])
    .where(
      'code',
      'in',
      facts.map((f) => f.code),
    )
    .execute()
  const mine = new Map(facts.map((f) => [f.code, f.dossierId]))
  return new Set(rows.filter((r) => mine.get(r.code) !== r.dossier_id).map((r) => r.code))
}

type Pending = { readonly line: number; readonly facts: DossierFacts }

/**
 * Nhập hồ sơ lịch sử: reads a predecessor system's dossiers, one JSON object a line, into the
 * indicators. A bad line is reported with its number and stores nothing; good lines are stored in
 * batches, one transaction each; a line whose facts are already stored as they are changes nothing.
 */
export async function importHistory(
  db: Db,
  lines: AsyncIterable<string> | Iterable<string>,
  options: { workingDays: WorkingDaysSource; batchSize?: number },
): Promise<ImportSummary> {
  const catalogue = await loadCatalogue(db, options.workingDays)
  const batchSize = options.batchSize ?? 1000
  const rejected: RejectedLine[] = []
  const firstLineOf = new Map<string, number>()
  let imported = 0
  let unchanged = 0
  let batch: Pending[] = []

  const flush = async () => {
    const pending = batch
    batch = []
    if (pending.length === 0) return
    await db.transaction().execute(async (tx) => {
      const held = await codesHeldElsewhere(
        tx,
        pending.map((p) => p.facts),
      )
      const valid = pending.filter((p) => {
        if (!held.has(p.facts.code)) return true
        rejected.push({
          line: p.line,
          problem: {
            vi: `mã hồ sơ ${p.facts.code} đã thuộc một hồ sơ khác`,
            en: `dossier code ${p.facts.code} already belongs to another dossier`,
          },
        })
        return false
      })
      const facts = valid.map((p) => p.facts)
      const stored = await loadFacts(
        tx,
        facts.map((f) => f.dossierId),
      )
      for (const f of facts) {
        const old = stored.get(f.dossierId)
        if (old && JSON.stringify(old) === JSON.stringify(f)) unchanged++
        else imported++
      }
      await recordFacts(tx, facts, stored)
    })
  }

  let lineNumber = 0
  for await (const text of lines) {
    lineNumber++
    if (text.trim() === '') continue
    const parsed = parseHistoryLine(text)
    const facts = parsed.ok ? historyFacts(parsed.value, catalogue) : parsed
    if (!facts.ok) {
      rejected.push({ line: lineNumber, problem: facts.problem })
      continue
    }
    const code = facts.value.code
    const first = firstLineOf.get(code)
    if (first !== undefined) {
      rejected.push({
        line: lineNumber,
        problem: { vi: `mã hồ sơ ${code} trùng với dòng ${first}`, en: `dossier code ${code} repeats line ${first}` },
      })
      continue
    }
    firstLineOf.set(code, lineNumber)
    batch.push({ line: lineNumber, facts: facts.value })
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  rejected.sort((a, b) => a.line - b.line)
  return { imported, unchanged, rejected }
}
