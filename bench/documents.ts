import { randomUUID } from 'node:crypto'
import { loadavg } from 'node:os'
import { sql } from 'kysely'
import { draftOutgoing } from '../src/app/documents/draft-outgoing.ts'
import { runDocumentCommand } from '../src/app/documents/run-document-command.ts'
import type { DocumentActor } from '../src/domain/documents/actions.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { openDatabase } from '../src/store/database.ts'
import { registerEntries } from '../src/store/documents/document-store.ts'
import { createOfficer } from '../src/store/identity/users.ts'
import { migrate } from '../src/store/migrate.ts'
import type { BenchmarkResult } from './run.ts'

const agencyId = 'so-tu-phap'
const year = 2026
const phrases = [
  'quản lý đất đai',
  'đăng ký hộ tịch',
  'lý lịch tư pháp',
  'chứng thực bản sao',
  'bồi thường nhà nước',
  'trợ giúp pháp lý',
  'công chứng hợp đồng',
  'kiểm tra văn bản quy phạm',
  'phổ biến giáo dục pháp luật',
  'thi hành án dân sự',
]
const queries = [
  'dat dai',
  'ho tich',
  'ly lich tu phap',
  'chung thuc',
  'boi thuong',
  'tro giup',
  'cong chung',
  'quy pham',
  'giao duc',
  'thi hanh an',
]

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0

async function timed(rounds: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint()
    await run(i)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return times.sort((a, b) => a - b)
}

/**
 * Issue 17's figures on PostgreSQL: an outgoing register of 100,000 documents searched without
 * diacritics (registerEntries: search_normalize + trigram index) beside a naive ILIKE over the same
 * columns in the same run; and issuing a numbered document (render, the leader's signature, the
 * agency's seal signature, delivery) end to end, p99.
 */
export async function documentsBenchmark(): Promise<BenchmarkResult> {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('the documents benchmark needs DATABASE_URL (PostgreSQL)')
  const loadBefore = loadavg()[0] ?? 0
  const count = Number(process.argv[process.argv.indexOf('--count') + 1]) || 100_000
  const open = await openDatabase({ kind: 'postgres', url })
  const db = open.db
  await migrate(db)
  await loadCatalogFile(db)
  await sql`DELETE FROM document_events WHERE document_id IN (SELECT id FROM documents WHERE agency_id = ${agencyId})`.execute(
    db,
  )
  await sql`DELETE FROM document_files WHERE document_id IN (SELECT id FROM documents WHERE agency_id = ${agencyId})`.execute(
    db,
  )
  await sql`DELETE FROM documents WHERE agency_id = ${agencyId} OR source_document_id IS NOT NULL`.execute(db)
  await sql`DELETE FROM document_register_counters WHERE agency_id = ${agencyId}`.execute(db)
  await sql`
    INSERT INTO documents (id, direction, agency_id, status, doc_type, year, register_number, notation, subject,
                           registered_on, created_at, state, version)
    SELECT gen_random_uuid(), 'outgoing', ${agencyId}, 'issued', 'cong-van', ${year}, i, i || '/STP-VP',
           'Về việc ' || (${sql.val(phrases)}::text[])[1 + i % ${phrases.length}] || ' năm ' || ${year} || ', hồ sơ ' || i,
           DATE '2026-01-01' + (i % 330), now(), jsonb_build_object('direction', 'outgoing', 'id', i), 7
    FROM generate_series(1, ${count}) AS i`.execute(db)
  await sql`INSERT INTO document_register_counters (agency_id, register, year, last)
            VALUES (${agencyId}, 'outgoing', ${year}, ${count})`.execute(db)
  await sql`ANALYZE documents`.execute(db)
  const indexed = (i: number) =>
    registerEntries(db, {
      agencyId,
      register: 'outgoing',
      year,
      q: queries[i % queries.length] as string,
      limit: 50,
      offset: 0,
    })
  const naive = (i: number) =>
    sql`SELECT state FROM documents WHERE agency_id = ${agencyId} AND direction = 'outgoing' AND year = ${year}
        AND (coalesce(notation, '') || ' ' || subject || ' ' || coalesce(sender, '')) ILIKE ${`%${queries[i % queries.length]}%`}
        ORDER BY register_number LIMIT 50`.execute(db)
  const accentedNaive = (i: number) =>
    sql`SELECT state FROM documents WHERE agency_id = ${agencyId} AND direction = 'outgoing' AND year = ${year}
        AND subject ILIKE ${`%${phrases[i % phrases.length]}%`} ORDER BY register_number LIMIT 50`.execute(db)
  await timed(100, indexed)
  await timed(50, naive)
  const searchRounds = 500
  const indexedTimes = await timed(searchRounds, indexed)
  const naiveTimes = await timed(200, naive)
  const accentedTimes = await timed(200, accentedNaive)
  const found = (await indexed(0)).length

  const now = () => new Date()
  const deps = { db, now, newId: randomUUID }
  const person = async (role: 'specialist' | 'leader' | 'clerk', name: string): Promise<DocumentActor> => {
    const id = await createOfficer(
      db,
      { username: `bench-${randomUUID()}`, name, password: randomUUID(), grants: [{ role, agencyId }] },
      now(),
    )
    return { id, name, grants: [{ role, agencyId }] }
  }
  const specialist = await person('specialist', 'Trần Văn Soạn')
  const leader = await person('leader', 'Nguyễn Thị Lãnh Đạo')
  const clerk = await person('clerk', 'Lê Văn Thư')
  const numbered = async () => {
    const drafted = await draftOutgoing(
      deps,
      agencyId,
      {
        type: 'cong-van',
        subject: 'Lấy ý kiến về hồ sơ đăng ký khai sinh',
        body: 'Sở Tư pháp đề nghị Sở Nội vụ cho ý kiến về hồ sơ.\nTrân trọng.',
        urgency: 'urgent',
        confidentiality: 'none',
        draftingUnit: 'VP',
        recipients: [{ kind: 'agency', agencyId: 'so-noi-vu' }],
        replyTo: null,
      },
      specialist,
    )
    if (drafted.kind !== 'drafted') throw new Error(drafted.kind)
    const id = drafted.document.id
    await runDocumentCommand(deps, id, { action: 'submit' }, specialist)
    await runDocumentCommand(deps, id, { action: 'review', note: null }, leader)
    await runDocumentCommand(deps, id, { action: 'approve', signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' }, leader)
    await runDocumentCommand(deps, id, { action: 'number' }, clerk)
    return id
  }
  const issueRounds = 100
  const ids: string[] = []
  for (let i = 0; i < issueRounds + 1; i++) ids.push(await numbered())
  await runDocumentCommand(deps, ids[issueRounds] as string, { action: 'issue' }, clerk)
  const issueTimes = await timed(issueRounds, async (i) => {
    const outcome = await runDocumentCommand(deps, ids[i] as string, { action: 'issue' }, clerk)
    if (outcome.kind !== 'done') throw new Error(outcome.kind)
  })
  const floorTimes = await timed(200, () => sql`SELECT 1`.execute(db))
  await open.close()
  const row = (label: string, t: number[]) =>
    `| ${label} | ${percentile(t, 0.5).toFixed(2)} | ${percentile(t, 0.95).toFixed(2)} | ${percentile(t, 0.99).toFixed(2)} |`
  const ratio = percentile(naiveTimes, 0.95) / percentile(indexedTimes, 0.95)
  return {
    name: 'documents',
    markdown: [
      `Outgoing register of ${count.toLocaleString('en')} documents of one agency and year, PostgreSQL; ${searchRounds} searches`,
      `cycling over ${queries.length} unaccented phrases ("${queries[0]}", …), 50 results each (the first query finds ${found}).`,
      'Issuing: 100 numbered công văn issued one after the other through runDocumentCommand (render with pdfkit,',
      'the leader’s personal signature, the agency’s seal signature as an incremental update, the PDF stored, an',
      'incoming document delivered to Sở Nội vụ, audit), after one warm-up issuance that makes the keys.',
      `Load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)} (the machine is shared).`,
      '',
      '| run | p50 ms | p95 ms | p99 ms |',
      '|---|---|---|---|',
      row('registerEntries (search_normalize, trigram index)', indexedTimes),
      row('baseline: naive ILIKE, unaccented query (finds nothing accented)', naiveTimes),
      row('baseline: naive ILIKE, accented query', accentedTimes),
      row('issuance (render + two signatures + delivery)', issueTimes),
      row('floor: SELECT 1 round trip', floorTimes),
      '',
      `Targets (issue 17): register search p95 < 50 ms — ${percentile(indexedTimes, 0.95).toFixed(1)} ms; issuing p99 < 1.5 s — ` +
        `${percentile(issueTimes, 0.99).toFixed(0)} ms. Naive ILIKE p95 / indexed p95: ${ratio.toFixed(1)}.`,
    ],
    json: {
      searchP95Ms: percentile(indexedTimes, 0.95),
      naiveP95Ms: percentile(naiveTimes, 0.95),
      issueP99Ms: percentile(issueTimes, 0.99),
    },
  }
}
