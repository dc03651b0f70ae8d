import { hash as digest, randomUUID } from 'node:crypto'
import { type Insertable, sql, type Transaction } from 'kysely'
import { Compile } from 'typebox/compile'
import { localDate } from '../../domain/calendar/local-time.ts'
import type { Actor } from '../../domain/dossier/actor.ts'
import { type Command, Command as CommandSchema, type Creation } from '../../domain/dossier/commands.ts'
import type { DecisionContext, ProcedureTerms } from '../../domain/dossier/context.ts'
import { create, type Decision, decideAllowed } from '../../domain/dossier/decide.ts'
import { formatDossierCode } from '../../domain/dossier/dossier-code.ts'
import type { DossierEvent } from '../../domain/dossier/events.ts'
import { actingActor, type CommandAction } from '../../domain/dossier/permissions.ts'
import { type Refusal, refuse } from '../../domain/dossier/refusal.ts'
import { applyEvent, currentStep, type Dossier } from '../../domain/dossier/state.ts'
import type { DossierFacts } from '../../domain/kpi/facts.ts'
import type { ProcedureKpiTerms } from '../../domain/kpi/facts-of-dossier.ts'
import type { WorkingDaysSource } from '../calendar/working-days-cache.ts'
import type { Db } from '../database.ts'
import { upsertCounts } from '../kpi/count-rows.ts'
import {
  batchFactsWrite,
  type FactsChange,
  type FactsJson,
  factsWrite,
  procedureKpiTerms,
  storedFacts,
} from '../kpi/dossier-facts.ts'
import { factsRow, upsertFactsRowValues } from '../kpi/facts-rows.ts'
import { type ShapedStatement, shapedStatements } from '../prepared-statements.ts'
import type { Database } from '../schema.ts'
import { isUuid } from '../uuid.ts'
import { type AgencyCalendars, agencyCalendars } from './agency-calendars.ts'
import { canonicalJson, eventHash } from './event-hash.ts'
import { type CompetenceAsk, procedureTerms } from './procedure-terms.ts'
import { checkedState } from './stored-json.ts'

/** How a command ended. Refusals and conflicts change nothing but are remembered for their key. */
export type Outcome =
  | {
      readonly ok: true
      readonly dossierId: string
      readonly code: string | null
      readonly version: number
      readonly events: string[]
      readonly produced?: Produced
    }
  | { readonly ok: false; readonly problem: 'refused'; readonly refusal: Refusal }
  | { readonly ok: false; readonly problem: 'forbidden' }
  | { readonly ok: false; readonly problem: 'conflict'; readonly currentVersion: number }
  | { readonly ok: false; readonly problem: 'not-found' }
  | { readonly ok: false; readonly problem: 'idempotency-key-reused' }

/** The outcome as remembered for its idempotency key (and returned to a retry): without what was produced. */
export function storedOutcome(outcome: Outcome): Outcome {
  if (!outcome.ok || !outcome.produced) return outcome
  const { produced: _, ...stored } = outcome
  return stored
}

export type RunOptions = {
  readonly idempotencyKey: string
  readonly now: Date
  /**
   * The caller's open transaction, when the command belongs to a larger unit of work (a payment's
   * confirmation): the command then runs in a savepoint of it, a refusal rolls back to that savepoint
   * only, and everything commits or rolls back with the caller.
   */
  readonly transaction?: Transaction<Database>
  /**
   * False when the caller undoes its whole transaction on any refusal or error (the portal intake):
   * the command then runs in it without a savepoint (two round trips fewer); a lost race aborts the
   * caller's transaction instead of being answered. True by default.
   */
  readonly savepoint?: boolean
}

/** A dossier is found by its id (a UUID) or, once received, by its code. */
export type DossierRef = string

type NewCreation = Creation extends infer C ? (C extends { code: string } ? Omit<C, 'code'> : C) : never
type NewCommand = Command extends infer C ? (C extends { action: 'receive' } ? Omit<C, 'code'> : C) : never
/** A command before the engine knows who runs it. */
export type Unacted = NewCommand extends infer C ? (C extends unknown ? Omit<C, 'actor'> : never) : never
/** A command's fields as a request carries them, checked against the `Command` schema by the engine. */
export type UncheckedCommand = { readonly action: CommandAction } & Readonly<Record<string, unknown>>

const commandCheck = Compile(CommandSchema)

/** Who asks: a principal (`by`, for the idempotency key) and the actors they may be on a dossier. */
export type Acting = {
  readonly by: string
  readonly actorsOn: (d: Dossier) => readonly Actor[] | null
}

/** What a command produced, for the response: not stored with the outcome (a replay reads it again). */
export type Produced = {
  readonly state: Dossier
  readonly events: readonly { readonly seq: number; readonly event: DossierEvent }[]
  readonly context: DecisionContext
}

/**
 * The lifecycle engine over the database: one transaction per command — claim the idempotency key,
 * lock and load the dossier, check the expected version, decide, append hash-chained events, update
 * the projection, write outbox messages and indicator counters.
 */
export function dossierCommands(db: Db, workingDays: WorkingDaysSource) {
  const calendars: AgencyCalendars = agencyCalendars(db, workingDays)
  const statement = shapedStatements()
  // Procedure terms and agencies' provinces change only with the catalogue: cached for a minute.
  const cacheMs = 60_000
  const termsCache = new Map<string, { terms: ProcedureTerms; at: number }>()
  const provinces = new Map<string, string>()

  // Calendars are read before the transaction opens: PGlite has a single connection.
  async function contextFor(
    tx: Db,
    calendar: DecisionContext['calendar'],
    procedure: { code: string; version: number },
    receivingAgencyId: string,
    ask: CompetenceAsk,
    now: Date,
  ): Promise<{ ok: true; ctx: DecisionContext } | { ok: false; refusal: Refusal }> {
    const asked = 'decided' in ask ? `decided:${ask.decided}` : `chosen:${ask.chosen ?? ''}`
    const key = `${procedure.code}@${procedure.version}@${receivingAgencyId}@${asked}`
    const cached = termsCache.get(key)
    const lookup =
      cached && performance.now() - cached.at < cacheMs
        ? { ok: true as const, terms: cached.terms }
        : await procedureTerms(tx, procedure, receivingAgencyId, ask)
    if (!lookup) return { ok: false, refusal: refuse('unknownProcedure') }
    if (!lookup.ok) return lookup
    if (cached?.terms !== lookup.terms) termsCache.set(key, { terms: lookup.terms, at: performance.now() })
    return { ok: true, ctx: { now: now.getTime(), terms: lookup.terms, calendar } }
  }

  /** A received dossier's competent agency is settled; before reception the rule picks it. */
  const askFor = (d: Dossier): CompetenceAsk =>
    d.processingAgencyId !== null ? { decided: d.processingAgencyId } : { chosen: d.competentAgencyId ?? null }

  async function provinceOf(tx: Db, agencyId: string): Promise<string> {
    const known = provinces.get(agencyId)
    if (known) return known
    const row = await tx
      .selectFrom('agencies')
      .select('province_code')
      .where('id', '=', agencyId)
      .executeTakeFirstOrThrow()
    provinces.set(agencyId, row.province_code)
    return row.province_code
  }

  const kpiTerms = new Map<string, ProcedureKpiTerms>()
  async function kpiTermsOf(tx: Db, p: Dossier['procedure']): Promise<ProcedureKpiTerms> {
    const key = `${p.code}@${p.version}`
    const known = kpiTerms.get(key)
    if (known) return known
    const terms = await procedureKpiTerms(tx, p.code, p.version)
    kpiTerms.set(key, terms)
    return terms
  }

  return {
    /** Every agency's working calendar, for deadlines and urgency marks outside commands. */
    calendars: () => calendars.forAgencies(),
    /** Drops the cached working days: the next command reads the calendar stored now. */
    refreshCalendars: () => workingDays.invalidate(),

    /** The decision context of a dossier as of `now`: for available actions and deadlines in views. */
    async contextOf(state: Dossier, now: Date): Promise<DecisionContext | null> {
      const calendar = await calendars.forAgencies()
      const found = await contextFor(db, calendar, state.procedure, state.receivingAgencyId, askFor(state), now)
      return found.ok ? found.ctx : null
    },

    /** Nộp hồ sơ / tiếp nhận trực tiếp: creates a dossier. */
    async create(creation: NewCreation, options: RunOptions): Promise<Outcome> {
      const calendar = await calendars.forAgencies(options.transaction)
      return withKey(
        db,
        options,
        requestHash(creation),
        async (tx, claim) => {
          const ask = { chosen: creation.competentAgencyId ?? null }
          const found = await contextFor(tx, calendar, creation.procedure, creation.receivingAgencyId, ask, options.now)
          if (!found.ok) return { ok: false, problem: 'refused', refusal: found.refusal }
          const ctx = found.ctx
          const full: Creation =
            creation.action === 'receive-at-counter'
              ? { ...creation, code: await allocateCode(tx, statement, creation.receivingAgencyId, options.now) }
              : creation
          const decision = create(full, ctx)
          return persist(
            tx,
            statement,
            claim,
            { id: randomUUID(), before: null, headHash: null, facts: null },
            decision,
            ctx,
            (id) => provinceOf(tx, id),
            (p) => kpiTermsOf(tx, p),
          )
        },
        { atomic: creation.action === 'receive-at-counter' },
      )
    },

    /**
     * Nộp hồ sơ, many at once (the portal intake's page): online submissions decided one by one and
     * written by one statement in the caller's transaction. Null when any is refused: nothing is
     * written, and the caller takes them one by one, each refusal then remembered for its key. A
     * creation whose key was already claimed fails the statement, and with it the caller's transaction.
     */
    async createMany(
      creations: readonly { readonly creation: NewCreation & { action: 'submit' }; readonly idempotencyKey: string }[],
      options: { readonly now: Date; readonly transaction: Transaction<Database> },
    ): Promise<Extract<Outcome, { ok: true }>[] | null> {
      const tx = options.transaction
      const calendar = await calendars.forAgencies(tx)
      const plans: Plan[] = []
      const changes: FactsChange[] = []
      for (const { creation, idempotencyKey } of creations) {
        const ask = { chosen: creation.competentAgencyId ?? null }
        const found = await contextFor(tx, calendar, creation.procedure, creation.receivingAgencyId, ask, options.now)
        if (!found.ok) return null
        const decision = create(creation, found.ctx)
        if (!decision.ok) return null
        const claim = { idempotency_key: idempotencyKey, request_hash: requestHash(creation), created_at: options.now }
        const fresh = { id: randomUUID(), before: null, headHash: null, facts: null }
        const planned = await plan(claim, fresh, decision, found.ctx, (id) => provinceOf(tx, id))
        plans.push(planned)
        const terms = await kpiTermsOf(tx, planned.after.procedure)
        changes.push({ dossierId: fresh.id, d: planned.after, stored: null, terms })
      }
      if (plans.length === 0) return []
      await persistNew(tx, statement, plans, batchFactsWrite(changes, calendar))
      return plans.map((p) => p.outcome)
    },

    /** Runs a command on an existing dossier whose version the caller last saw. */
    run(ref: DossierRef, command: NewCommand, expectedVersion: number, options: RunOptions): Promise<Outcome> {
      const { actor, ...unacted } = command
      const hash = requestHash({ ref, command, expectedVersion })
      return runOn(ref, hash, () => [actor], unacted, expectedVersion, options)
    },

    /**
     * Runs a command as whichever of a principal's roles may: `acting.actorsOn` gives the candidate
     * actors on the dossier as read under lock (null: the principal may not even see it), and the
     * command's guard picks one in a single pass.
     */
    runAs(
      ref: DossierRef,
      acting: Acting,
      command: UncheckedCommand,
      expectedVersion: number,
      options: RunOptions,
    ): Promise<Outcome> {
      const hash = requestHash({ ref, by: acting.by, command, expectedVersion })
      return runOn(ref, hash, acting.actorsOn, command, expectedVersion, options)
    },
  }

  async function runOn(
    ref: DossierRef,
    hash: string,
    actorsOn: Acting['actorsOn'],
    command: UncheckedCommand,
    expectedVersion: number,
    options: RunOptions,
  ): Promise<Outcome> {
    const calendar = await calendars.forAgencies(options.transaction)
    const where = isUuid(ref) ? 'id' : 'code'
    // A reception allocates a code number, which must roll back with the command: it runs in a
    // transaction with the dossier locked. Other commands read without a lock and write in one
    // statement that fails whole if the dossier moved on meanwhile (two round trips, no BEGIN/COMMIT).
    const atomic = command.action === 'receive' || options.transaction !== undefined
    const currentVersion = async (executor: Db) =>
      (await executor.selectFrom('dossiers').select('version').where(where, '=', ref).executeTakeFirst())?.version ??
      null
    return withKey(
      db,
      options,
      hash,
      async (tx, claim) => {
        // The stored indicator facts come with the dossier: no second read to update them.
        const read = statement(`dossier by ${where}${atomic ? ' for update' : ''}`, { ref }, (v) => {
          const q = db
            .selectFrom('dossiers as d')
            .leftJoin('kpi_dossiers as k', (j) => j.on(sql<boolean>`k.dossier_id = d.id::text`))
            .select(['d.id', 'd.state', 'd.version', 'd.head_hash', sql<FactsJson | null>`to_jsonb(k)`.as('facts')])
            .where(`d.${where}`, '=', v.ref)
          return atomic ? q.forUpdate('d') : q
        })
        const [row] = (await tx.executeQuery(read)).rows
        if (!row?.state) return { ok: false, problem: 'not-found' }
        const state = checkedState(row.id, row.state)
        const candidates = actorsOn(state)
        if (candidates === null || candidates.length === 0) return { ok: false, problem: 'forbidden' }
        if (row.version !== expectedVersion) return { ok: false, problem: 'conflict', currentVersion: row.version }
        const found = await contextFor(
          tx,
          calendar,
          state.procedure,
          state.receivingAgencyId,
          askFor(state),
          options.now,
        )
        if (!found.ok) return { ok: false, problem: 'refused', refusal: found.refusal }
        const ctx = found.ctx
        const acting = actingActor(state, candidates, command.action, ctx)
        if (!acting.ok) return { ok: false, problem: 'refused', refusal: acting.refusal }
        // The whole command is checked against its runtime schema (a reception's code is allocated after).
        const provisional = { ...command, actor: acting.actor, ...(command.action === 'receive' ? { code: '' } : {}) }
        if (!commandCheck.Check(provisional)) return { ok: false, problem: 'refused', refusal: refuse('invalidInput') }
        const full: Command =
          provisional.action === 'receive'
            ? { ...provisional, code: await allocateCode(tx, statement, state.receivingAgencyId, options.now) }
            : provisional
        return persist(
          tx,
          statement,
          claim,
          { id: row.id, before: state, headHash: row.head_hash, facts: storedFacts(row.facts) },
          decideAllowed(state, full, ctx),
          ctx,
          (id) => provinceOf(tx, id),
          (p) => kpiTermsOf(tx, p),
        )
      },
      { atomic, currentVersion },
    )
  }
}

function requestHash(request: unknown): string {
  return digest('sha256', canonicalJson(request), 'hex')
}

/** Thrown to roll the transaction back after a refusal was decided (its outcome is then stored alone). */
class Refused extends Error {
  readonly outcome: Outcome
  constructor(outcome: Outcome) {
    super('refused')
    this.outcome = outcome
  }
}

/** The idempotency key, claimed in the same statement that writes the command's outcome. */
type Claim = { readonly idempotency_key: string; readonly request_hash: string; readonly created_at: Date }

/**
 * Runs `work` once per idempotency key: a retry with the same key and request returns the first
 * outcome and appends nothing; the same key with another request is refused. The work runs in its own
 * transaction, in a savepoint of the caller's, or (`atomic: false`) as its single writing statement
 * alone, which then fails whole when another writer got there first (`lostRace`).
 */
async function withKey(
  db: Db,
  options: RunOptions,
  hash: string,
  work: (tx: Db, claim: Claim) => Promise<Outcome>,
  mode: { readonly atomic: boolean; readonly currentVersion?: (executor: Db) => Promise<number | null> },
): Promise<Outcome> {
  const executor: Db = options.transaction ?? db
  const remembered = async (): Promise<Outcome | null> => {
    const row = await executor
      .selectFrom('command_outcomes')
      .select(['request_hash', 'outcome'])
      .where('idempotency_key', '=', options.idempotencyKey)
      .executeTakeFirst()
    if (!row) return null
    return row.request_hash === hash ? (row.outcome as Outcome) : { ok: false, problem: 'idempotency-key-reused' }
  }
  const claim = { idempotency_key: options.idempotencyKey, request_hash: hash, created_at: options.now }
  const attempt = async (tx: Db) => {
    const outcome = await work(tx, claim)
    if (!outcome.ok) throw new Refused(outcome)
    return outcome
  }
  let failed: Outcome
  try {
    if (options.transaction)
      return options.savepoint === false
        ? await attempt(options.transaction)
        : await inSavepoint(options.transaction, attempt)
    return mode.atomic ? await db.transaction().execute(attempt) : await attempt(db)
  } catch (error) {
    if (error instanceof Refused) failed = error.outcome
    else if (lostRace(error)) {
      // The key was taken by a twin, or the dossier moved on since it was read.
      const earlier = await remembered()
      if (earlier) return earlier
      const current = await mode.currentVersion?.(executor)
      if (current === undefined || current === null) throw error
      failed = { ok: false, problem: 'conflict', currentVersion: current }
    } else throw error
  }
  const earlier = await remembered()
  if (earlier) return earlier
  await executor
    .insertInto('command_outcomes')
    .values({ ...claim, outcome: JSON.stringify(failed) })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute()
  return (await remembered()) ?? failed
}

/** The command's writing statement failed whole: its guard (division by zero) or a taken event number. */
function lostRace(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  if (error.code === '22012') return true
  return error.code === '23505' && 'constraint' in error && error.constraint === 'dossier_events_pkey'
}

/** `work` inside the caller's transaction, undone alone if it throws (Kysely does not nest transactions). */
async function inSavepoint<T>(tx: Transaction<Database>, work: (tx: Db) => Promise<T>): Promise<T> {
  await sql`SAVEPOINT dossier_command`.execute(tx)
  try {
    const result = await work(tx)
    await sql`RELEASE SAVEPOINT dossier_command`.execute(tx)
    return result
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT dossier_command`.execute(tx)
    throw error
  }
}

/**
 * Mã hồ sơ: `UNITCODE-YYMMDD-XXXX`, the receiving unit's QCVN 102 code in force, the local date and
 * the day's next number at that unit. The counter row is locked until the transaction ends, so
 * concurrent receptions get consecutive numbers and a rolled-back one leaves no gap.
 */
async function allocateCode(tx: Db, statement: ShapedStatement, agencyId: string, now: Date): Promise<string> {
  const day = localDate(now)
  // The unit code in force and the day's next number in one statement.
  const allocate = statement('allocate code', { agencyId, day, counterDay: day }, (v) =>
    tx
      .with('unit', (q) =>
        q
          .selectFrom('agency_codes')
          .select('code')
          .where('agency_id', '=', v.agencyId)
          .where('valid_from', '<=', v.day)
          .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', v.day)]))
          .limit(1),
      )
      .insertInto('dossier_code_counters')
      .columns(['unit_code', 'day', 'last'])
      .expression((eb) =>
        eb
          .selectFrom('unit')
          .select(['unit.code', sql<string>`${v.counterDay}::date`.as('day'), sql.lit(1).as('last')]),
      )
      .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet({ last: sql`dossier_code_counters.last + 1` }))
      .returning(['unit_code', 'last']),
  )
  const [counter] = (await tx.executeQuery(allocate)).rows
  if (!counter) throw new Error(`agency ${agencyId} has no unit code in force on ${day}`)
  return formatDossierCode(counter.unit_code, day, counter.last)
}

/** The dossier as the command found it: its state, the head of its event chain, its indicator facts. */
type Found = {
  readonly id: string
  readonly before: Dossier | null
  readonly headHash: string | null
  readonly facts: DossierFacts | null
}

/** A decided command's writes, computed before its statement: events, projection, outbox, claim. */
type Plan = {
  readonly outcome: Extract<Outcome, { ok: true }>
  readonly after: Dossier
  readonly rows: Insertable<Database['dossier_events']>[]
  readonly messages: Insertable<Database['outbox']>[]
  readonly projection: Awaited<ReturnType<typeof projectionColumns>>
  readonly claim: Claim & { readonly outcome: string; readonly dossier_id: string }
}

async function plan(
  claim: Claim,
  found: Found,
  decision: Extract<Decision, { ok: true }>,
  ctx: DecisionContext,
  provinceOf: (agencyId: string) => Promise<string>,
): Promise<Plan> {
  const { id, before } = found
  let state = before
  let hash = found.headHash
  const produced: { seq: number; event: DossierEvent }[] = []
  const rows = decision.events.map((event) => {
    state = applyEvent(state, event)
    produced.push({ seq: state.version, event })
    const seq = state.version
    const prev = hash
    hash = eventHash(prev, id, seq, event)
    return {
      dossier_id: id,
      seq,
      type: event.type,
      at: new Date(event.at),
      actor: JSON.stringify(event.actor),
      payload: JSON.stringify(event),
      prev_hash: prev,
      hash,
    }
  })
  const after = state as Dossier | null
  if (!after) throw new Error('a decision without events')
  const projection = await projectionColumns(before, after, hash, ctx, provinceOf)
  const messages = decision.events.map((event, i) => ({
    topic: `dossier.${event.type}`,
    message_key: id,
    payload: JSON.stringify({
      dossierId: id,
      code: after.code,
      seq: (before?.version ?? 0) + i + 1,
      status: after.status,
      event,
    }),
    created_at: new Date(ctx.now),
  }))
  const outcome = {
    ok: true as const,
    dossierId: id,
    code: after.code,
    version: after.version,
    events: decision.events.map((e) => e.type),
  }
  return {
    outcome: { ...outcome, produced: { state: after, events: produced, context: ctx } },
    after,
    rows,
    messages,
    projection,
    claim: { ...claim, outcome: JSON.stringify(outcome), dossier_id: id },
  }
}

async function persist(
  tx: Db,
  statement: ShapedStatement,
  claim: Claim,
  found: Found,
  decision: Decision,
  ctx: DecisionContext,
  provinceOf: (agencyId: string) => Promise<string>,
  kpiTermsOf: (procedure: Dossier['procedure']) => Promise<ProcedureKpiTerms>,
): Promise<Outcome> {
  if (!decision.ok) return { ok: false, problem: 'refused', refusal: decision.refusal }
  const { id, before } = found
  const {
    outcome,
    after,
    rows,
    messages,
    projection,
    claim: claimed,
  } = await plan(claim, found, decision, ctx, provinceOf)
  const indicators = factsWrite(id, after, found.facts, await kpiTermsOf(after.procedure), ctx.calendar)
  // Projection, events, outbox, indicator counters and facts, and the idempotency claim in one statement
  // (data-modifying CTEs): one round trip. Foreign keys from the events to a new dossier are checked at
  // the end of the statement. The statement fails whole (division by zero) unless the projection moved
  // from the version read, the key was still free and the facts were as read; a concurrent command on
  // the dossier takes the same event numbers and fails it too.
  const values = {
    id,
    projection: projection.columns,
    insert: before === null ? projection.insert : undefined,
    expectedVersion: before?.version,
    rows,
    messages,
    claim: claimed,
    counts: indicators?.counts ?? [],
    facts: indicators ? { row: factsRow(indicators.facts), storedEResult: found.facts?.eResult ?? false } : undefined,
  }
  const write = statement(before === null ? 'create' : 'update', values, (v) => {
    let q = tx
      .with('projection', (q) =>
        v.insert === undefined
          ? q
              .updateTable('dossiers')
              .set(v.projection)
              .where('id', '=', v.id)
              .where('version', '=', v.expectedVersion as number)
              .returning('id')
          : q
              .insertInto('dossiers')
              .values({ id: v.id, ...v.insert, ...v.projection })
              .returning('id'),
      )
      .with('events', (q) => q.insertInto('dossier_events').values(v.rows).returning('seq'))
      .with('messages', (q) => q.insertInto('outbox').values(v.messages).returning('id'))
      .with('claim', (q) =>
        q
          .insertInto('command_outcomes')
          .values(v.claim)
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .returning('idempotency_key'),
      )
    if (v.counts.length > 0) q = q.with('counts', (q) => upsertCounts(q, v.counts).returning('depth'))
    const facts = v.facts
    if (facts)
      q = q.with('facts', (q) =>
        upsertFactsRowValues(q, [facts.row], { storedEResult: facts.storedEResult }).returning('dossier_id'),
      )
    const factsWritten = facts ? sql` * (SELECT count(*) FROM facts)` : sql``
    return q.selectNoFrom(
      sql<number>`1 / ((SELECT count(*) FROM projection) * (SELECT count(*) FROM claim)${factsWritten})::int`.as('ok'),
    )
  })
  await tx.executeQuery(write)
  return outcome
}

/**
 * New dossiers' writes in one statement: every projection, event, outbox message, claim and facts row
 * of the batch, the counters summed per row. It fails whole (division by zero) unless every claim was
 * still free, so a batch holding a dossier already created aborts and its caller goes one by one.
 */
async function persistNew(tx: Db, statement: ShapedStatement, plans: readonly Plan[], indicators: BatchIndicators) {
  const values = {
    dossiers: plans.map((p) => ({ id: p.outcome.dossierId, ...p.projection.insert, ...p.projection.columns })),
    rows: plans.flatMap((p) => p.rows),
    messages: plans.flatMap((p) => p.messages),
    claims: plans.map((p) => p.claim),
    counts: indicators.counts,
    facts: indicators.facts.map(factsRow),
    expected: { dossiers: plans.length, facts: indicators.facts.length },
  }
  const write = statement('create batch', values, (v) => {
    let q = tx
      .with('projection', (q) => q.insertInto('dossiers').values(v.dossiers).returning('id'))
      .with('events', (q) => q.insertInto('dossier_events').values(v.rows).returning('seq'))
      .with('messages', (q) => q.insertInto('outbox').values(v.messages).returning('id'))
      .with('claim', (q) =>
        q
          .insertInto('command_outcomes')
          .values(v.claims)
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .returning('idempotency_key'),
      )
    if (v.counts.length > 0) q = q.with('counts', (q) => upsertCounts(q, v.counts).returning('depth'))
    if (v.facts.length > 0)
      q = q.with('facts', (q) => upsertFactsRowValues(q, v.facts, { storedEResult: false }).returning('dossier_id'))
    // Every value is a parameter of the shape: with no facts rows, their expected count (0) stands alone.
    const factsWritten =
      v.facts.length > 0 ? sql`(SELECT count(*) FROM facts) = ${v.expected.facts}` : sql`${v.expected.facts} = 0`
    return q.selectNoFrom(
      sql<number>`1 / (CASE WHEN (SELECT count(*) FROM claim) = ${v.expected.dossiers} AND ${factsWritten} THEN 1 ELSE 0 END)`.as(
        'ok',
      ),
    )
  })
  await tx.executeQuery(write)
}

type BatchIndicators = ReturnType<typeof batchFactsWrite>

async function projectionColumns(
  before: Dossier | null,
  d: Dossier,
  hash: string | null,
  ctx: DecisionContext,
  provinceOf: (agencyId: string) => Promise<string>,
) {
  const step = currentStep(d)
  const ts = (ms: number | null) => (ms === null ? null : new Date(ms))
  return {
    columns: {
      code: d.code,
      status: d.status,
      processing_agency_id: d.processingAgencyId,
      holder_agency_id: d.holderAgencyId,
      receiving_agency_id: d.receivingAgencyId,
      assignee_id: d.assignee?.id ?? null,
      current_phase: step?.phase ?? null,
      current_step_due_at: ts(step?.dueAt ?? null),
      received_at: ts(d.receivedAt),
      appointment_at: ts(d.appointmentAt),
      original_appointment_at: ts(d.originalAppointmentAt),
      late_warning_at: ts(d.lateWarningAt),
      ended_at: ts(d.endedAt),
      state: JSON.stringify(d),
      head_hash: hash,
      version: d.version,
      updated_at: new Date(ctx.now),
    },
    // Columns set once, when the dossier is created.
    insert: {
      province_code: before === null ? await provinceOf(d.receivingAgencyId) : '',
      procedure_code: d.procedure.code,
      procedure_version: d.procedure.version,
      applicant: JSON.stringify(d.applicant),
      applicant_id: d.applicant.id,
      channel: d.channel,
      submitted_at: new Date(d.submittedAt),
    },
  }
}
