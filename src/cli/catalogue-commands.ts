import { userInfo } from 'node:os'
import { resolve } from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import { catalogueClient } from '../adapters/national-portal/catalogue-client.ts'
import { syncCatalogue } from '../app/catalogue/sync-catalogue.ts'
import { processConfig } from '../config/process-config.ts'
import { localDate } from '../domain/calendar/local-time.ts'
import { dayAfter } from '../domain/catalog/catalogue-change.ts'
import {
  type ApprovalOutcome,
  approveChangeSet,
  changeSet,
  listChangeSets,
  rejectChangeSet,
} from '../store/catalog/change-sets.ts'
import { locateDatabase, type OpenDatabase, openDatabase } from '../store/database.ts'

function fail(vi: string, en: string): never {
  console.error(`motcua: ${vi} / ${en}`)
  process.exit(2)
}

function changeSetId(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('cần số nguyên ≥ 1 / expected a whole number ≥ 1')
  return n
}

function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('cần ngày YYYY-MM-DD / expected a date YYYY-MM-DD')
  return value
}

async function withDatabase<T>(dataDir: string, work: (open: OpenDatabase) => Promise<T>): Promise<T> {
  const open = await openDatabase(locateDatabase(processConfig().database, resolve(dataDir)))
  try {
    return await work(open)
  } finally {
    await open.close()
  }
}

const actor = () => `motcua catalogue (${userInfo().username})`

/** Why a decision was refused, in Vietnamese and English; exits 1. */
function refused(outcome: Extract<ApprovalOutcome, { ok: false }>): never {
  const why = {
    not_found: ['không có bộ thay đổi này', 'no such change set'],
    decided: ['bộ thay đổi đã được quyết định', 'the change set was already decided'],
    stale: [
      'bộ thay đổi đã cũ: danh mục đã thay đổi sau khi đồng bộ, hãy đồng bộ lại',
      'the change set is stale: the catalogue changed since the sync, sync again',
    ],
    starts_too_early: [
      'ngày hiệu lực sớm hơn phiên bản đang áp dụng',
      'the date is before the version it replaces began',
    ],
  }[outcome.why]
  console.error(
    `motcua: ${why[0]} / ${why[1]}${'code' in outcome ? ` (${outcome.code} từ ${outcome.versionStarts})` : ''}`,
  )
  process.exit(1)
}

/** `catalogue sync | changes | approve | reject`: the national catalogue as reviewed change sets (rules.md). */
export function addCatalogueCommands(program: Command, dataDirOption: readonly [string, string, string]): void {
  const catalogue = program
    .command('catalogue')
    .description('catalogue sync from the national TTHC database / đồng bộ danh mục TTHC từ CSDL quốc gia')
  catalogue
    .command('sync')
    .description('fetch the national catalogue (PORTAL_BASE_URL, PORTAL_API_KEY) and store the diff as a change set')
    .option(...dataDirOption)
    .action(async (opts: { dataDir: string }) => {
      const config = processConfig()
      if (!config.portal)
        fail(
          'chưa cấu hình CSDL quốc gia về TTHC, thiếu PORTAL_BASE_URL, PORTAL_API_KEY',
          'the national database is not configured, set PORTAL_BASE_URL, PORTAL_API_KEY',
        )
      const client = catalogueClient({ ...config.portal, timeoutMs: config.partnerTimeoutMs })
      await withDatabase(opts.dataDir, async ({ db }) => {
        const now = new Date()
        const r = await syncCatalogue(db, {
          client,
          sourceUrl: config.portal?.baseUrl ?? '',
          by: actor(),
          now,
          today: localDate(now),
        })
        console.log(
          `Bộ thay đổi ${r.changeSetId}: ${r.fetched} thủ tục đọc được; mới ${r.new}, thay đổi ${r.changed}, bãi bỏ ${r.repealed}; bản ghi lỗi ${r.bad.length}`,
        )
        for (const b of r.bad) console.log(`  lỗi ${b.code ?? '(không mã)'}: ${b.reason}`)
      })
    })
  catalogue
    .command('changes')
    .argument('[id]', 'a change set to show item by item', changeSetId)
    .description('list the change sets, or show one with its per-field differences')
    .option('--json', 'print JSON')
    .option(...dataDirOption)
    .action(async (id: number | undefined, opts: { json?: boolean; dataDir: string }) =>
      withDatabase(opts.dataDir, async ({ db }) => {
        if (id === undefined) {
          const sets = await listChangeSets(db)
          if (opts.json) return console.log(JSON.stringify(sets, null, 2))
          for (const s of sets)
            console.log(
              `${s.id}\t${s.status}\t${s.createdAt}\tmới ${s.counts.new}, thay đổi ${s.counts.changed}, bãi bỏ ${s.counts.repealed}, lỗi ${s.counts.bad}`,
            )
          return
        }
        const set = await changeSet(db, id)
        if (!set) fail('không có bộ thay đổi này', 'no such change set')
        if (opts.json) return console.log(JSON.stringify(set, null, 2))
        for (const item of set.items) {
          console.log(
            `${item.kind}\t${item.code}\t${item.name}${item.repealedOn ? `\tbãi bỏ từ ${item.repealedOn}` : ''}`,
          )
          for (const c of item.changes)
            console.log(`  ${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)
        }
        for (const b of set.badRecords) console.log(`lỗi\t${b.code ?? '(không mã)'}\t${b.reason}`)
      }),
    )
  catalogue
    .command('approve')
    .argument('<id>', 'the change set', changeSetId)
    .description('approve a change set as a whole: new versions from --from (default tomorrow), the previous ones end')
    .option('--from <date>', 'first day the new versions apply, YYYY-MM-DD', date)
    .option(...dataDirOption)
    .action(async (id: number, opts: { from?: string; dataDir: string }) =>
      withDatabase(opts.dataDir, async ({ db }) => {
        const now = new Date()
        const from = opts.from ?? dayAfter(localDate(now))
        const outcome = await approveChangeSet(db, id, from, { by: actor(), at: now })
        if (!outcome.ok) refused(outcome)
        console.log(
          `Đã phê duyệt bộ thay đổi ${id} từ ${from}: ${outcome.versions.length} phiên bản mới, ${outcome.ended.length} thủ tục bãi bỏ`,
        )
      }),
    )
  catalogue
    .command('reject')
    .argument('<id>', 'the change set', changeSetId)
    .description('reject a change set as a whole; the catalogue is untouched')
    .option(...dataDirOption)
    .action(async (id: number, opts: { dataDir: string }) =>
      withDatabase(opts.dataDir, async ({ db }) => {
        const outcome = await rejectChangeSet(db, id, { by: actor(), at: new Date() })
        if (!outcome.ok) refused(outcome)
        console.log(`Đã từ chối bộ thay đổi ${id}`)
      }),
    )
}
