import type { InboundDossier } from '../../adapters/national-portal/inbound-dossier.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import { deleteSubmittedDrafts } from '../../store/declarations/drafts.ts'
import { versionInForce } from '../../store/dossiers/procedure-terms.ts'
import { findOrCreateCitizens } from '../../store/identity/users.ts'
import {
  type CreatedIntake,
  type IntakeRow,
  type IntakeVia,
  lockIntakes,
  recordCreatedMany,
  recordReceivedMany,
  type StoredAttachmentRow,
} from '../../store/portal/inbound-intakes.ts'
import { prepareCreation } from '../create-dossier.ts'
import { directCatalogue } from './intake-catalogue.ts'
import {
  checkInbound,
  type Fetched,
  fetchAttachments,
  finishIntake,
  type IntakeDeps,
  type IntakeOutcome,
  intakeKey,
  refuseDelivery,
  settleFetch,
  submissionOf,
} from './intake-dossier.ts'

/** Attachments fetched at once while a page is staged (each a request to the platform). */
const fetchConcurrency = 8

/** An intake of a page once staged: settled already, or ready to be created from its attachments. */
type StagedIntake =
  | { readonly kind: 'settled'; readonly outcome: IntakeOutcome }
  | {
      readonly kind: 'ready'
      readonly intake: IntakeRow
      readonly attachments: readonly StoredAttachmentRow[]
      readonly written: Promise<void>
    }

/** A page recorded received and its attachments fetched: each national id once, in the page's order. */
export type StagedPage = { readonly byNationalId: ReadonlyMap<string, StagedIntake>; readonly order: string[] }

/**
 * Tiếp nhận một trang hồ sơ (the pull's page), first half: the page's dossiers recorded received in
 * one statement (a body failing the schema kept as a refusal), then every attachment of the open
 * intakes fetched, checked and written, `fetchConcurrency` at a time. A pending or refused fetch is
 * recorded as a one-by-one intake's would be. Nothing is created yet: `createPage` does that.
 */
export async function stagePage(deps: IntakeDeps, items: readonly unknown[], via: IntakeVia): Promise<StagedPage> {
  const dossiers = new Map<string, InboundDossier>()
  for (const item of items) {
    const checked = checkInbound(item)
    if (!checked.ok) await refuseDelivery(deps.db, via, item, 'invalid-body', checked.detail, deps.now())
    else if (!dossiers.has(checked.dossier.MaHoSoQuocGia)) dossiers.set(checked.dossier.MaHoSoQuocGia, checked.dossier)
  }
  const received = await recordReceivedMany(
    deps.db,
    [...dossiers.values()].map((d) => ({ nationalId: d.MaHoSoQuocGia, submission: d })),
    via,
    deps.now(),
  )
  const byNationalId = new Map<string, StagedIntake>()
  const toFetch: IntakeRow[] = []
  for (const { intake } of received.values()) {
    if (intake.state === 'received') toFetch.push(intake)
    else if (intake.state === 'fetched')
      byNationalId.set(intake.nationalId, {
        kind: 'ready',
        intake,
        attachments: intake.attachments ?? [],
        written: Promise.resolve(),
      })
    else byNationalId.set(intake.nationalId, { kind: 'settled', outcome: answerOf(intake) })
  }
  await eachConcurrently(toFetch, fetchConcurrency, async (intake) => {
    const fetched: Fetched = await fetchAttachments(deps, intake.submission as InboundDossier)
    byNationalId.set(
      intake.nationalId,
      fetched.kind === 'fetched'
        ? { kind: 'ready', intake, attachments: fetched.attachments, written: fetched.written }
        : { kind: 'settled', outcome: await settleFetch(deps, intake, fetched) },
    )
  })
  return { byNationalId, order: [...dossiers.keys()] }
}

/** A created or rejected intake's answer to a repeated delivery. */
function answerOf(intake: IntakeRow): IntakeOutcome {
  return intake.state === 'created'
    ? { kind: 'created', dossierId: intake.dossierId as string, existed: true }
    : {
        kind: 'rejected',
        reason: intake.reason as Extract<IntakeOutcome, { kind: 'rejected' }>['reason'],
        detail: null,
      }
}

/**
 * Second half: the page's ready intakes created in one transaction by a handful of statements
 * (`createBatch`). Should the batch not go through whole — a refusal, an intake created meanwhile, a
 * failed statement — it is undone, and each intake is created one by one as a single delivery is, so
 * one bad dossier is refused alone and holds up none of the others. The outcomes in the page's order.
 */
export async function createPage(
  deps: IntakeDeps,
  page: StagedPage,
): Promise<{ nationalId: string; outcome: IntakeOutcome }[]> {
  const ready = [...page.byNationalId.values()].filter((s) => s.kind === 'ready')
  const created = ready.length > 0 ? await createBatch(deps, ready).catch(() => null) : null
  const outcomes = new Map<string, IntakeOutcome>()
  for (const [nationalId, staged] of page.byNationalId) {
    const batched = created?.get(nationalId)
    if (batched) outcomes.set(nationalId, batched)
    else if (staged.kind === 'settled') outcomes.set(nationalId, staged.outcome)
  }
  // One by one, in order: the fallback is the rare path, and each refusal is recorded as its own.
  for (const staged of ready)
    if (!outcomes.has(staged.intake.nationalId))
      outcomes.set(
        staged.intake.nationalId,
        await finishIntake(deps, staged.intake, staged.attachments, staged.written),
      )
  return page.order.flatMap((nationalId) => {
    const outcome = outcomes.get(nationalId)
    return outcome ? [{ nationalId, outcome }] : []
  })
}

/** Thrown inside the batch's transaction to undo it: the page goes one by one instead. */
class NotWhole extends Error {}

type Ready = Extract<StagedIntake, { kind: 'ready' }>

/**
 * Nộp hồ sơ trực tuyến qua Cổng DVCQG, a page at once: the intakes locked, their procedures and units
 * looked up (once a round), the applicants found or created by one upsert, every dossier decided by
 * the engine and written by one statement, the drafts that became dossiers deleted, the files linked
 * and the intakes marked created by one more; it commits once every file is written.
 */
async function createBatch(deps: IntakeDeps, ready: readonly Ready[]): Promise<Map<string, IntakeOutcome>> {
  const now = deps.now()
  const day = localDate(now)
  const catalogue = deps.catalogue ?? directCatalogue
  const versions = new Map<string, Promise<number | null>>()
  const versionOf: typeof versionInForce = (db, code, on) => {
    const key = `${code}@${on}`
    if (!versions.has(key)) versions.set(key, versionInForce(db, code, on))
    return versions.get(key) as Promise<number | null>
  }
  return deps.db.transaction().execute(async (tx) => {
    const locked = await lockIntakes(
      tx,
      ready.map((r) => r.intake.nationalId),
    )
    if (locked.length !== ready.length || locked.some((i) => i.state !== 'received' && i.state !== 'fetched'))
      throw new NotWhole('an intake of the page moved on')
    const routed = []
    for (const r of ready) {
      const dossier = r.intake.submission as InboundDossier
      const procedureCode = await catalogue.procedureOf(tx, dossier.MaTTHC)
      const agencyId = await catalogue.agencyOf(tx, dossier.MaDonViTiepNhan, day)
      if (procedureCode === null || agencyId === null) throw new NotWhole('an unknown procedure or unit')
      routed.push({ ...r, dossier, procedureCode, agencyId })
    }
    const users = await findOrCreateCitizens(
      tx,
      routed.map(({ dossier: { NguoiNop: a } }) => ({
        identityNumber: a.SoDinhDanh,
        name: a.HoTen,
        phone: a.SoDienThoai ?? null,
        email: a.Email ?? null,
      })),
      now,
    )
    const creations = []
    for (const r of routed) {
      const userId = users.get(r.dossier.NguoiNop.SoDinhDanh) as string
      const { principal, application } = submissionOf(r.dossier, userId, r.procedureCode, r.agencyId, r.attachments)
      const prepared = await prepareCreation({ db: tx, versionOf }, principal, application, now)
      if (!prepared.ok || prepared.creation.action !== 'submit') throw new NotWhole('a refused submission')
      creations.push({ ...r, userId, creation: prepared.creation, idempotencyKey: intakeKey(r.intake.nationalId) })
    }
    const outcomes = await deps.engine.createMany(
      creations.map((c) => ({ creation: c.creation, idempotencyKey: c.idempotencyKey })),
      { now, transaction: tx },
    )
    if (outcomes === null) throw new NotWhole('the engine refused a submission')
    const intakes: CreatedIntake[] = creations.map((c, i) => ({
      nationalId: c.intake.nationalId,
      dossierId: (outcomes[i] as (typeof outcomes)[number]).dossierId,
      attachments: c.attachments,
      uploadedBy: c.userId,
    }))
    await deleteSubmittedDrafts(
      tx,
      creations.map((c) => ({ userId: c.userId, procedureCode: c.creation.procedure.code })),
      now,
    )
    await recordCreatedMany(tx, intakes, now)
    await Promise.all(creations.map((c) => c.written))
    return new Map(
      intakes.map((i) => [i.nationalId, { kind: 'created', dossierId: i.dossierId, existed: false } as IntakeOutcome]),
    )
  })
}

/** `work` on every item, at most `limit` at a time; the first failure is thrown once all have settled. */
async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const failures: unknown[] = []
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i] as T).catch((e) => failures.push(e))
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (failures.length > 0) throw failures[0]
}
