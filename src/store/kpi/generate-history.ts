import { once } from 'node:events'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { sql } from 'kysely'
import pg from 'pg'
import { type CopyStreamQuery, from as copyFrom } from 'pg-copy-streams'
import {
  type DayNumber,
  dateOfDay,
  type EpochMs,
  instantAt,
  isoDate,
  parseClock,
  parseIsoDate,
} from '../../domain/calendar/local-time.ts'
import {
  addOfficeMinutes,
  addWorkingTime,
  type WorkingCalendar,
  workingTimeBetween,
} from '../../domain/calendar/working-calendar.ts'
import type { WorkingDays } from '../../domain/calendar/working-days.ts'
import type { Fee } from '../../domain/catalog/procedure.ts'
import type { TimeLimit } from '../../domain/catalog/time-limit.ts'
import { formatDossierCode } from '../../domain/dossier/dossier-code.ts'
import { Channel, DossierStatus, Satisfaction } from '../../domain/dossier/status.ts'
import { type CounterColumn, contributions, counterColumns } from '../../domain/kpi/counters.ts'
import type { DossierEnd, DossierFacts } from '../../domain/kpi/facts.ts'
import { halfStart } from '../../domain/kpi/periods.ts'
import type { WorkingDaysSource } from '../calendar/working-days-cache.ts'
import type { Db } from '../database.ts'
import { agencyCalendars } from '../dossiers/agency-calendars.ts'
import { allTime, type CountDeltas, writeCounts } from './count-rows.ts'

export type HistoryOptions = {
  readonly count: number
  /** First reception day, 'YYYY-MM-DD'. */
  readonly from: string
  /** Last reception day, 'YYYY-MM-DD'; dossiers still running at its close stay open. */
  readonly to: string
  readonly random: () => number
  readonly workingDays: WorkingDaysSource
  /** Dossiers whose counters are summed in memory before one write (default 200,000). */
  readonly countBatch?: number
  readonly onProgress?: (generated: number) => void
  /** A PostgreSQL URL: rows are loaded with COPY over connections of their own (much faster). */
  readonly copyUrl?: string
}

type Procedure = {
  readonly code: string
  readonly fieldId: string
  readonly resultIsDocument: boolean
  readonly timeLimit: TimeLimit
  readonly onlineTimeLimit: TimeLimit | null
  readonly cutoffMinute: number | null
  readonly feeVnd: number
  /** Processing agencies: the competent one, or every commune committee for commune procedures. */
  readonly agencies: readonly string[]
  readonly agencyWeights: Float64Array
}

const minutesPerWorkingDay = 480
const factsChunk = 5000

/** Cumulative weights → an index drawn in proportion to them. */
function drawFrom(cumulative: Float64Array, u: number): number {
  const target = u * (cumulative[cumulative.length - 1] as number)
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((cumulative[mid] as number) < target) lo = mid + 1
    else hi = mid
  }
  return lo
}

function cumulate(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length)
  let sum = 0
  for (const [i, w] of weights.entries()) out[i] = sum += w
  return out
}

/** Sum of the fixed fees; a fee set by the province (no amount in the catalogue) gets a typical amount. */
function typicalFee(fees: readonly Fee[], random: () => number): number {
  const fixed = fees.reduce((sum, f) => sum + (f.amountVnd ?? 0), 0)
  if (fixed > 0) return fixed
  const unset = fees.some((f) => f.amountVnd === null && !/^Miễn/i.test(f.text ?? ''))
  return unset ? ([10_000, 20_000, 50_000, 100_000][Math.floor(random() * 4)] as number) : 0
}

async function loadProcedures(db: Db, random: () => number): Promise<Procedure[]> {
  const versions = await db
    .selectFrom('procedure_versions')
    .select([
      'procedure_code',
      'field_id',
      'result_kind',
      'time_limit',
      'online_time_limit',
      'cutoff_time',
      'fees',
      'competent_agency_id',
      'competent_agency_kind',
    ])
    .where('effective_to', 'is', null)
    .orderBy('procedure_code')
    .execute()
  const communes = (
    await db.selectFrom('agencies').select('id').where('kind', '=', 'commune_committee').orderBy('id').execute()
  ).map((a) => a.id)
  if (versions.length === 0 || communes.length === 0) throw new Error('load the catalogue before generating history')
  // Communes differ in size: a mild Zipf over a shuffled order.
  const communeWeights = cumulate(shuffled(communes, random).map((_, i) => 1 / (i + 4)))
  const communeOrder = shuffled(communes, random)
  return versions.map((v) => {
    const agencies = v.competent_agency_id ? [v.competent_agency_id] : communeOrder
    return {
      code: v.procedure_code,
      fieldId: v.field_id,
      resultIsDocument: v.result_kind === 'document',
      timeLimit: v.time_limit,
      onlineTimeLimit: v.online_time_limit,
      cutoffMinute: v.cutoff_time === null ? null : parseClock(v.cutoff_time),
      feeVnd: typicalFee(v.fees, random),
      agencies,
      agencyWeights: v.competent_agency_id ? cumulate([1]) : communeWeights,
    }
  })
}

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/** Busier months (school year, year end) and quieter ones (Tết month, mid-year holidays). */
const monthFactor = [1.05, 0.85, 1.1, 1.05, 0.95, 1.0, 1.05, 1.15, 1.1, 1.0, 1.0, 1.15]

/** Working days near Tết Nguyên đán: few receptions in the weeks around the holiday. */
function tetDistance(days: WorkingDays, from: DayNumber, to: DayNumber): Int32Array {
  const tet: DayNumber[] = []
  for (const [day, e] of days.exceptions) if (!e.working && /Nguyên đán|Tết âm/i.test(e.reason)) tet.push(day)
  const out = new Int32Array(to - from + 1).fill(99)
  for (const t of tet)
    for (let d = Math.max(from, t - 10); d <= Math.min(to, t + 10); d++)
      out[d - from] = Math.min(out[d - from] as number, Math.abs(d - t))
  return out
}

/** How many dossiers each working day of the span receives: growth, seasons, Tết lull, weekly rhythm. */
function receptionsPerDay(
  days: WorkingDays,
  from: DayNumber,
  to: DayNumber,
  count: number,
  random: () => number,
): Map<DayNumber, number> {
  const near = tetDistance(days, from, to)
  const weights: [DayNumber, number][] = []
  for (let day = from; day <= to; day++) {
    if (!days.working[day - days.firstDay]) continue
    const years = (day - from) / 365
    const d = near[day - from] as number
    const tet = d <= 7 ? 0.25 + 0.08 * d : 1
    const monday = (day + 4) % 7 === 1 ? 1.15 : 1
    const noise = 0.85 + 0.3 * random()
    weights.push([day, (1 + 0.12 * years) * (monthFactor[dateOfDay(day).month - 1] as number) * tet * monday * noise])
  }
  const total = weights.reduce((s, [, w]) => s + w, 0)
  const perDay = new Map<DayNumber, number>()
  let cumulative = 0
  let given = 0
  for (const [day, w] of weights) {
    cumulative += (count * w) / total
    const upTo = Math.round(cumulative)
    perDay.set(day, upTo - given)
    given = upTo
  }
  return perDay
}

/** A reception minute: office hours with a morning peak, a few online submissions in the evening. */
function receptionMinute(random: () => number, online: boolean): number {
  if (online && random() < 0.04) return 18 * 60 + Math.floor(random() * 240)
  return random() < 0.6 ? 7 * 60 + Math.floor(random() * 270) : 13 * 60 + 30 + Math.floor(random() * 210)
}

type HistoryGenerator = {
  readonly procedures: readonly Procedure[]
  readonly popularity: Float64Array
  readonly calendar: (agencyId: string) => WorkingCalendar
  readonly unitCode: (agencyId: string) => string
  readonly random: () => number
  readonly fromMs: EpochMs
  readonly spanMs: number
  readonly now: EpochMs
}

type Pause = { readonly requestedAt: EpochMs; readonly answeredAt: EpochMs; readonly minutes: number }

/** Open, waiting for a supplement, withdrawn, stopped, or done and (after a few days, mostly) returned. */
function statusOf(end: DossierEnd | null, waiting: boolean, now: EpochMs, random: () => number): DossierStatus {
  if (end === null) return waiting ? DossierStatus.SupplementRequested : DossierStatus.Processing
  if (end.kind === 'withdrawn') return DossierStatus.Withdrawn
  if (end.kind === 'stopped') return DossierStatus.Stopped
  return now - end.at > 3 * 86_400_000 || random() < 0.5 ? DossierStatus.Returned : DossierStatus.Done
}

/** One generated dossier's facts, received on `day`, its code numbered by `codeOf`. */
function generateDossier(g: HistoryGenerator, day: DayNumber, codeOf: (unit: string) => string): DossierFacts {
  const { random } = g
  const p = g.procedures[drawFrom(g.popularity, random())] as Procedure
  const agencyId = p.agencies[drawFrom(p.agencyWeights, random())] as string
  const cal = g.calendar(agencyId)
  const x = Math.min(1, Math.max(0, (instantAt(day, 0) - g.fromMs) / g.spanMs))
  const u = random()
  const channel: Channel = u < 0.18 + 0.5 * x ? Channel.Online : u < 0.2 + 0.5 * x ? Channel.Post : Channel.InPerson
  const online = channel === Channel.Online
  const receivedAt = instantAt(day, receptionMinute(random, online))
  const limit = online && p.onlineTimeLimit ? p.onlineTimeLimit : p.timeLimit
  const appointment = addWorkingTime(cal, receivedAt, limit, { cutoffMinute: p.cutoffMinute })
  const budget =
    appointment === null ? 10 * minutesPerWorkingDay : Math.max(60, workingTimeBetween(cal, receivedAt, appointment))

  const pauses: Pause[] = []
  const fate = random()
  const late = fate < 0.045
  const processing = Math.round(budget * (late ? 1.05 + 0.8 * random() : 0.15 + 0.82 * random()))
  if (fate > 0.9 && fate <= 0.98) {
    let at = addOfficeMinutes(cal, receivedAt, Math.round(processing * 0.3) + 1)
    for (let k = 0; k < (random() < 0.12 ? 2 : 1); k++) {
      const minutes = minutesPerWorkingDay * (1 + Math.floor(random() * 8))
      const answeredAt = addOfficeMinutes(cal, at, minutes)
      pauses.push({ requestedAt: at, answeredAt, minutes })
      at = addOfficeMinutes(cal, answeredAt, 120)
    }
  }
  const quits = fate > 0.98 ? (fate > 0.9885 ? 'withdrawn' : 'stopped') : null
  const known = pauses.filter((q) => q.requestedAt <= g.now)
  const finished = known.filter((q) => q.answeredAt <= g.now)
  const paused = finished.reduce((s, q) => s + q.minutes, 0)
  const pending = known.length > finished.length ? (known[known.length - 1] as Pause).requestedAt : null
  const endAt = quits
    ? addOfficeMinutes(cal, receivedAt, Math.round(budget * 0.8 * random()) + 1)
    : addOfficeMinutes(cal, receivedAt, processing + pauses.reduce((s, q) => s + q.minutes, 0))
  const end: DossierEnd | null = endAt <= g.now && pending === null ? { kind: quits ?? 'done', at: endAt } : null
  const status = statusOf(end, pending !== null, g.now, random)
  const rated = end?.kind === 'done' && random() < 0.6
  const r = random()
  const unhappy = late ? 0.25 : 0.06
  const rating = rated
    ? r < unhappy
      ? Satisfaction.NotSatisfied
      : r < 0.55
        ? Satisfaction.VerySatisfied
        : Satisfaction.Satisfied
    : null
  const citizen = random() < 0.9
  const fee = p.feeVnd
  const code = codeOf(g.unitCode(agencyId))
  return {
    dossierId: `seed:${code}`,
    code,
    origin: 'seed',
    status,
    agencyId,
    fieldId: p.fieldId,
    procedureCode: p.code,
    channel,
    receivedAt,
    deadlineAt: appointment === null ? null : addOfficeMinutes(cal, appointment, paused),
    supplementRequests: known.length,
    secondSupplementAt: known[1]?.requestedAt ?? null,
    pendingSupplementSince: pending,
    end,
    workingMinutes: end === null ? null : Math.max(0, workingTimeBetween(cal, receivedAt, end.at) - paused),
    feeVnd: fee,
    paidOnline: fee > 0 && random() < (online ? 0.25 + 0.55 * x : 0.05),
    resultIsDocument: p.resultIsDocument,
    eResult: p.resultIsDocument && random() < (online ? 0.35 + 0.6 * x : 0.1 + 0.5 * x),
    digitized: random() < 0.3 + 0.6 * x,
    reused: random() < 0.15 + 0.5 * x,
    citizen,
    vneid: citizen && random() < (online ? 0.1 + 0.85 * x : 0.05 + 0.3 * x),
    portalSynced: false,
    rating,
    complaint: end !== null && random() < (late ? 0.03 : 0.002),
    apology: late && random() < 0.75,
    steps: [],
  }
}

/** Counters of one dossier-day: agency × field × procedure × day, one slot per counter column. */
type DayRows = Map<string, number[]>

const columnIndex = new Map<CounterColumn, number>(counterColumns.map((c, i) => [c, i]))

/** What `accumulate` adds, kept at depth 1 by day only; the other five rows are rolled up per batch. */
function addContributions(rows: DayRows, f: DossierFacts): void {
  const prefix = `${f.agencyId}|${f.fieldId}|${f.procedureCode}|`
  let day = ''
  let row: number[] | undefined
  for (const c of contributions(f)) {
    if (c.day !== day || row === undefined) {
      day = c.day
      const key = prefix + day
      row = rows.get(key)
      if (row === undefined) {
        row = new Array<number>(counterColumns.length).fill(0)
        rows.set(key, row)
      }
    }
    const i = columnIndex.get(c.column) as number
    row[i] = (row[i] as number) + c.delta
  }
}

/** The day rows added into every counter row they belong to, keyed as count-rows.ts keys them. */
function rollUp(rows: DayRows): Map<string, number[]> {
  const out = new Map<string, number[]>()
  const halves = new Map<string, string>()
  for (const [key, values] of rows) {
    const [agency, field, procedure, day] = key.split('|') as [string, string, string, string]
    let half = halves.get(day)
    if (half === undefined) {
      half = isoDate(halfStart(parseIsoDate(day) as DayNumber))
      halves.set(day, half)
    }
    for (const depth of [0, 1] as const)
      for (const [grain, period] of [
        ['d', day],
        ['h', half],
        ['y', `${half.slice(0, 4)}-01-01`],
        ['a', allTime],
      ] as const) {
        const target = `${depth}|${grain}|${period}|${agency}|${field}|${depth === 1 ? procedure : ''}`
        let sum = out.get(target)
        if (sum === undefined) {
          sum = new Array<number>(counterColumns.length).fill(0)
          out.set(target, sum)
        }
        for (let i = 0; i < values.length; i++) sum[i] = (sum[i] as number) + (values[i] as number)
      }
  }
  return out
}

/** Where the generated rows go: COPY on PostgreSQL, multi-row inserts (any engine) otherwise. */
type HistorySink = {
  facts(rows: readonly DossierFacts[]): Promise<void>
  /** Ends the batch's facts and adds its counters. */
  endBatch(counts: Map<string, number[]>): Promise<void>
  close(): Promise<void>
}

const factsColumns =
  'dossier_id, code, origin, status, agency_id, field_id, procedure_code, channel, received_at, deadline_at, ' +
  'supplement_requests, second_supplement_at, pending_supplement_since, end_kind, ended_at, working_minutes, ' +
  'fee_vnd, paid_online, result_is_document, e_result, digitized, reused, citizen, vneid, rating, complaint, apology, steps'

/** Multi-row insert of facts rows as arrays (one parameter a column): PGlite, or PostgreSQL without COPY. */
async function insertFacts(db: Db, facts: readonly DossierFacts[]): Promise<void> {
  const col = <T>(pick: (f: DossierFacts) => T) => facts.map(pick)
  await sql`
    INSERT INTO kpi_dossiers (${sql.raw(factsColumns)})
    SELECT 'seed:' || code, code, 'seed', status, agency_id, field_id, procedure_code, channel,
      to_timestamp(received_at / 1000.0), to_timestamp(deadline_at / 1000.0), supplement_requests,
      to_timestamp(second_supplement_at / 1000.0), to_timestamp(pending_supplement_since / 1000.0), end_kind,
      to_timestamp(ended_at / 1000.0), working_minutes, fee_vnd, paid_online, result_is_document, e_result,
      digitized, reused, citizen, vneid, rating, complaint, apology, '[]'::jsonb
    FROM unnest(${col((f) => f.code)}::text[], ${col((f) => f.status)}::int2[], ${col((f) => f.agencyId)}::text[],
      ${col((f) => f.fieldId)}::text[], ${col((f) => f.procedureCode)}::text[], ${col((f) => f.channel)}::int2[],
      ${col((f) => f.receivedAt)}::float8[], ${col((f) => f.deadlineAt)}::float8[],
      ${col((f) => f.supplementRequests)}::int2[], ${col((f) => f.secondSupplementAt)}::float8[],
      ${col((f) => f.pendingSupplementSince)}::float8[], ${col((f) => f.end?.kind ?? null)}::text[],
      ${col((f) => f.end?.at ?? null)}::float8[], ${col((f) => f.workingMinutes)}::int4[],
      ${col((f) => f.feeVnd)}::int8[], ${col((f) => f.paidOnline)}::bool[], ${col((f) => f.resultIsDocument)}::bool[],
      ${col((f) => f.eResult)}::bool[], ${col((f) => f.digitized)}::bool[], ${col((f) => f.reused)}::bool[],
      ${col((f) => f.citizen)}::bool[], ${col((f) => f.vneid)}::bool[], ${col((f) => f.rating)}::text[],
      ${col((f) => f.complaint)}::bool[], ${col((f) => f.apology)}::bool[])
      AS t(code, status, agency_id, field_id, procedure_code, channel, received_at, deadline_at,
        supplement_requests, second_supplement_at, pending_supplement_since, end_kind, ended_at, working_minutes,
        fee_vnd, paid_online, result_is_document, e_result, digitized, reused, citizen, vneid, rating, complaint,
        apology)`.execute(db)
}

function insertSink(db: Db): HistorySink {
  return {
    facts: (rows) => insertFacts(db, rows),
    async endBatch(counts) {
      const deltas: CountDeltas = new Map()
      for (const [key, values] of counts)
        deltas.set(key, new Map(counterColumns.map((c, i) => [c, values[i] as number])))
      await writeCounts(db, deltas)
    },
    close: async () => {},
  }
}

const copyText = (v: string | number | boolean | null) =>
  v === null ? '\\N' : v === true ? 't' : v === false ? 'f' : String(v)
const copyTime = (ms: EpochMs | null) => (ms === null ? '\\N' : new Date(ms).toISOString())

function copyLine(f: DossierFacts): string {
  return [
    f.dossierId,
    f.code,
    f.origin,
    f.status,
    f.agencyId,
    f.fieldId,
    f.procedureCode,
    f.channel,
    copyTime(f.receivedAt),
    copyTime(f.deadlineAt),
    f.supplementRequests,
    copyTime(f.secondSupplementAt),
    copyTime(f.pendingSupplementSince),
    f.end?.kind ?? null,
    copyTime(f.end?.at ?? null),
    f.workingMinutes,
    f.feeVnd,
    f.paidOnline,
    f.resultIsDocument,
    f.eResult,
    f.digitized,
    f.reused,
    f.citizen,
    f.vneid,
    f.rating,
    f.complaint,
    f.apology,
    '[]',
  ]
    .map(copyText)
    .join('\t')
}

/**
 * COPY into PostgreSQL over two connections of its own: one streams the facts rows while the
 * generator runs, the other merges each batch's counters (COPY into a temporary table, then one
 * upsert), so generating, loading and counting overlap. Identifiers and codes carry no tabs,
 * backslashes or newlines, so the text format needs no escaping.
 */
async function copySink(url: string): Promise<HistorySink> {
  const facts = new pg.Client({ connectionString: url })
  const counts = new pg.Client({ connectionString: url })
  await Promise.all([facts.connect(), counts.connect()])
  await counts.query('CREATE TEMP TABLE history_counts (LIKE kpi_counts)')
  let stream: CopyStreamQuery | null = null
  let finished: Promise<void> = Promise.resolve()
  let merging: Promise<unknown> = Promise.resolve()
  const keys = 'depth, grain, period, agency_id, field_id, procedure_code'
  const merge = `INSERT INTO kpi_counts SELECT * FROM history_counts ORDER BY ${keys} ON CONFLICT (${keys}) DO UPDATE SET ${counterColumns.map((c) => `${c} = kpi_counts.${c} + excluded.${c}`).join(', ')}`
  const mergeCounts = async (rows: Map<string, number[]>) => {
    const copy = counts.query(copyFrom(`COPY history_counts (${keys}, ${counterColumns.join(', ')}) FROM STDIN`))
    const lines: string[] = []
    for (const [key, values] of rows) lines.push(`${key.replaceAll('|', '\t')}\t${values.join('\t')}\n`)
    await pipeline(Readable.from(chunked(lines)), copy)
    await counts.query('BEGIN')
    await counts.query(merge)
    await counts.query('COMMIT')
    await counts.query('TRUNCATE history_counts')
  }
  return {
    async facts(rows) {
      if (stream === null) {
        const s = facts.query(copyFrom(`COPY kpi_dossiers (${factsColumns}) FROM STDIN`))
        finished = new Promise((resolve, reject) => {
          s.on('finish', resolve)
          s.on('error', reject)
        })
        stream = s
      }
      if (!stream.write(`${rows.map(copyLine).join('\n')}\n`)) await once(stream, 'drain')
    },
    async endBatch(rows) {
      stream?.end()
      stream = null
      await finished
      await merging
      merging = mergeCounts(rows)
    },
    async close() {
      try {
        await merging
      } finally {
        await Promise.all([facts.end(), counts.end()])
      }
    },
  }
}

function* chunked(lines: readonly string[], size = 10_000): Generator<string> {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size).join('')
}

async function unitCodes(db: Db): Promise<(agencyId: string) => string> {
  const rows = await db
    .selectFrom('agencies as a')
    .leftJoin('agency_codes as c', (j) => j.onRef('c.agency_id', '=', 'a.id').on('c.valid_to', 'is', null))
    .select(['a.id', 'a.statistical_code', 'c.code'])
    .execute()
  const codes = new Map(rows.map((r) => [r.id, r.code ?? r.statistical_code ?? r.id.toUpperCase().replace(/-/g, '')]))
  return (agencyId) => codes.get(agencyId) ?? agencyId.toUpperCase().replace(/-/g, '')
}

/**
 * Lịch sử hồ sơ mẫu: `count` dossiers of demo history received between `from` and `to`, written
 * straight as indicator facts (origin 'seed') with their counters, not through the dossier engine.
 * Procedures follow a Zipf-like popularity; receptions fall on working days in office hours, grow
 * over the years, peak in some months and nearly stop around Tết; about 8% get supplement requests,
 * 4–5% are late, 2% are withdrawn or stopped, 60% of the finished ones are rated, and dossiers still
 * running at the close of `to` stay open (some overdue). Codes are `UNITCODE-YYMMDD-NNNN`.
 */
export async function generateHistory(db: Db, options: HistoryOptions): Promise<{ count: number }> {
  const { random } = options
  const from = parseIsoDate(options.from)
  const to = parseIsoDate(options.to)
  if (from === null || to === null || to < from) throw new RangeError(`bad history span ${options.from}…${options.to}`)
  const days = await options.workingDays.current()
  // Zipf-like popularity over a shuffled catalogue, commune procedures (many communes) weighted up.
  const procedures = shuffled(await loadProcedures(db, random), random)
  const g: HistoryGenerator = {
    procedures,
    popularity: cumulate(procedures.map((p, i) => (p.agencies.length > 1 ? 3 : 1) / (i + 1) ** 0.9)),
    calendar: await agencyCalendars(db, options.workingDays).forAgencies(),
    unitCode: await unitCodes(db),
    random,
    fromMs: instantAt(from, 0),
    spanMs: Math.max(1, instantAt(to + 1, 0) - instantAt(from, 0)),
    now: instantAt(to, 17 * 60),
  }
  const perDay = receptionsPerDay(days, from, to, options.count, random)
  const countBatch = options.countBatch ?? 200_000
  const sink = options.copyUrl ? await copySink(options.copyUrl) : insertSink(db)
  let dayRows: DayRows = new Map()
  let chunk: DossierFacts[] = []
  let generated = 0
  try {
    for (const [day, n] of perDay) {
      const sequence = new Map<string, number>()
      const date = isoDate(day)
      const codeOf = (unit: string) => {
        const next = (sequence.get(unit) ?? 0) + 1
        sequence.set(unit, next)
        return formatDossierCode(unit, date, next)
      }
      for (let i = 0; i < n; i++) {
        const f = generateDossier(g, day, codeOf)
        addContributions(dayRows, f)
        chunk.push(f)
        generated++
        if (chunk.length >= factsChunk) {
          await sink.facts(chunk)
          chunk = []
        }
        if (generated % countBatch === 0) {
          if (chunk.length > 0) await sink.facts(chunk)
          chunk = []
          await sink.endBatch(rollUp(dayRows))
          dayRows = new Map()
          options.onProgress?.(generated)
        }
      }
    }
    if (chunk.length > 0) await sink.facts(chunk)
    if (dayRows.size > 0) await sink.endBatch(rollUp(dayRows))
  } finally {
    await sink.close()
  }
  // Fresh statistics after a bulk load, so the indicator queries are planned for the rows now there.
  await sql`ANALYZE kpi_counts`.execute(db)
  await sql`ANALYZE kpi_dossiers`.execute(db)
  return { count: generated }
}
