import { setTimeout as sleep } from 'node:timers/promises'
import {
  type CatalogueClient,
  type CataloguePage,
  CatalogueUnavailable,
} from '../../adapters/national-portal/catalogue-client.ts'
import { diffCatalogue } from '../../domain/catalog/catalogue-diff.ts'
import type { NationalProcedure } from '../../domain/catalog/national-procedure.ts'
import { catalogueInForce } from '../../store/catalog/catalogue-in-force.ts'
import { type BadRecordRow, createChangeSet } from '../../store/catalog/change-sets.ts'
import type { Db } from '../../store/database.ts'

export type SyncOptions = {
  readonly client: CatalogueClient
  /** Where the records came from, kept with the change set. */
  readonly sourceUrl: string
  readonly by: string
  readonly now: Date
  /** Local date (Vietnam) the catalogue in force is read on. */
  readonly today: string
  /** Attempts per page when the national database is unavailable (default 3), `retryDelayMs` apart. */
  readonly attempts?: number
  readonly retryDelayMs?: number
}

export type SyncResult = {
  readonly changeSetId: number
  readonly fetched: number
  readonly new: number
  readonly changed: number
  readonly repealed: number
  readonly bad: readonly BadRecordRow[]
}

/** A safety stop against a paging loop: more pages than any national catalogue holds. */
const maxPages = 10_000

/**
 * Đồng bộ danh mục TTHC: reads every page of the national catalogue, diffs it against the catalogue
 * in force and stores the result as a change set for the provincial administrator to review; the
 * catalogue itself is not touched. A page the national database cannot serve for now is tried
 * again (`attempts`); if it still fails the run stops and stores nothing.
 */
export async function syncCatalogue(db: Db, o: SyncOptions): Promise<SyncResult> {
  const procedures: NationalProcedure[] = []
  const bad: BadRecordRow[] = []
  let next: number | null = 1
  for (let pages = 0; next !== null && pages < maxPages; pages++) {
    const page = await pageWithRetries(o, next)
    procedures.push(...page.procedures)
    bad.push(...page.bad)
    next = page.nextPage
  }
  const { current, fieldIds, revision } = await catalogueInForce(db, o.today)
  const diff = diffCatalogue(current, procedures, fieldIds)
  for (const u of diff.unknownFields)
    bad.push({ code: u.code, reason: `lĩnh vực "${u.fieldName}" chưa có trong danh mục / unknown field` })
  const changeSetId = await createChangeSet(db, {
    baseRevision: revision,
    sourceUrl: o.sourceUrl,
    fetched: procedures.length + bad.length - diff.unknownFields.length,
    bad,
    changes: diff.changes,
    by: o.by,
    at: o.now,
  })
  const count = (kind: string) => diff.changes.filter((c) => c.kind === kind).length
  return {
    changeSetId,
    fetched: procedures.length,
    new: count('new'),
    changed: count('changed'),
    repealed: count('repealed'),
    bad,
  }
}

async function pageWithRetries(o: SyncOptions, page: number): Promise<CataloguePage> {
  const attempts = o.attempts ?? 3
  for (let attempt = 1; ; attempt++) {
    try {
      return await o.client.page(page, null)
    } catch (error) {
      if (!(error instanceof CatalogueUnavailable) || attempt >= attempts) throw error
      await sleep(o.retryDelayMs ?? 1000)
    }
  }
}
