import { Compile } from 'typebox/compile'
import type { FetchedAttachment, InboundClient } from '../../adapters/national-portal/inbound-client.ts'
import { InboundDossier } from '../../adapters/national-portal/inbound-dossier.ts'
import { PortalUnavailable } from '../../adapters/national-portal/portal-client.ts'
import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import { Channel } from '../../domain/dossier/status.ts'
import { detectType } from '../../domain/files/detect-type.ts'
import type { Db } from '../../store/database.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'
import { findOrCreateCitizen } from '../../store/identity/users.ts'
import {
  findIntake,
  type IntakeRow,
  type IntakeVia,
  recordAttempt,
  recordCreated,
  recordFetched,
  recordReceived,
  recordRefusal,
  recordRejected,
  type StoredAttachmentRow,
} from '../../store/portal/inbound-intakes.ts'
import { createDossier, type DossierApplication } from '../create-dossier.ts'
import { directCatalogue, type IntakeCatalogue } from './intake-catalogue.ts'

/** Why an inbound dossier is refused; recorded on its intake, and no dossier is made. */
export const IntakeRefusal = {
  /** MaTTHC names no procedure of the province's catalogue in force. */
  UnknownProcedure: 'unknown-procedure',
  /** MaDonViTiepNhan names no unit of the province on the submission day. */
  UnknownReceivingUnit: 'unknown-receiving-unit',
  /** An attachment's content does not hash to its MaBam, or is not KichThuoc bytes long. */
  HashMismatch: 'hash-mismatch',
  /** An attachment exceeds the file limit, or the attachments the dossier limit. */
  AttachmentTooLarge: 'attachment-too-large',
  /** An attachment is not a PDF, JPEG or PNG (read from its first bytes). */
  AttachmentType: 'attachment-type',
  /** An attachment's link is not on the platform, or the platform no longer has it. */
  AttachmentUnavailable: 'attachment-unavailable',
  /** The declaration does not fit the procedure's form, or the engine refused the submission. */
  Refused: 'refused',
} as const
export type IntakeRefusal = (typeof IntakeRefusal)[keyof typeof IntakeRefusal]

/** What one intake came to: the dossier (`existed` on a repeat), later (platform unavailable), or refused. */
export type IntakeOutcome =
  | { readonly kind: 'created'; readonly dossierId: string; readonly existed: boolean }
  | { readonly kind: 'pending'; readonly detail: string }
  | { readonly kind: 'rejected'; readonly reason: IntakeRefusal; readonly detail: string | null }

export type IntakeDeps = {
  readonly db: Db
  readonly engine: ReturnType<typeof dossierCommands>
  readonly storage: FileStorage
  readonly client: Pick<InboundClient, 'attachment'>
  /** Per attachment and per dossier, as for uploads (rules.md §files). */
  readonly maxFileBytes: number
  readonly maxDossierBytes: number
  readonly now: () => Date
  /** Procedure and unit lookups: per dossier by default, once per code in a pull round (intake-catalogue.ts). */
  readonly catalogue?: IntakeCatalogue
}

const inboundCheck = Compile(InboundDossier)

/** The body checked against the assumed schema, or why not (the first problems, for the operator). */
export function checkInbound(body: unknown): { ok: true; dossier: InboundDossier } | { ok: false; detail: string } {
  if (inboundCheck.Check(body)) return { ok: true, dossier: body }
  const errors = [...inboundCheck.Errors(body)].slice(0, 5)
  return { ok: false, detail: errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ') }
}

/** A body refused before it could be trusted: kept for the operator, with the id it claims if any. */
export async function refuseDelivery(
  db: Db,
  via: IntakeVia,
  body: unknown,
  reason: string,
  detail: string | null,
  at: Date,
) {
  const claimed =
    typeof body === 'object' && body !== null && typeof (body as { MaHoSoQuocGia?: unknown }).MaHoSoQuocGia === 'string'
      ? ((body as { MaHoSoQuocGia: string }).MaHoSoQuocGia.slice(0, 100) ?? null)
      : null
  await recordRefusal(db, { via, claimedNationalId: claimed, reason, detail, at })
}

/**
 * Tiếp nhận hồ sơ từ Cổng DVCQG: records the national dossier once (its `MaHoSoQuocGia` is the key),
 * then takes it as far as it can go now. Receiving the same dossier again answers what the first
 * delivery came to: the same dossier, or the same refusal.
 */
export async function receiveInbound(
  deps: IntakeDeps,
  dossier: InboundDossier,
  via: IntakeVia,
): Promise<IntakeOutcome> {
  const { fresh, intake } = await recordReceived(deps.db, {
    nationalId: dossier.MaHoSoQuocGia,
    via,
    submission: dossier,
    at: deps.now(),
  })
  if (!fresh && intake.state === 'created')
    return { kind: 'created', dossierId: intake.dossierId as string, existed: true }
  return continueIntake(deps, intake)
}

/** Resumes an unfinished intake by its national id (after a crash or an unavailable platform). */
export async function resumeIntake(deps: IntakeDeps, nationalId: string): Promise<IntakeOutcome | null> {
  const intake = await findIntake(deps.db, nationalId)
  return intake ? continueIntake(deps, intake) : null
}

/**
 * Each step is safe to redo: stored content is keyed by its hash, the creation by the intake row's lock.
 * Fetched attachments go straight on to the creation, their files written to disk while the creation's
 * statements run and flushed before it commits; only when the creation fails for another reason than a
 * refusal is the intake recorded fetched, for a later round to create without fetching again.
 */
async function continueIntake(deps: IntakeDeps, intake: IntakeRow): Promise<IntakeOutcome> {
  if (intake.state === 'rejected') return { kind: 'rejected', reason: intake.reason as IntakeRefusal, detail: null }
  if (intake.state === 'created') return { kind: 'created', dossierId: intake.dossierId as string, existed: true }
  if (intake.state === 'fetched') return finishIntake(deps, intake, intake.attachments ?? [], Promise.resolve())
  const fetched = await fetchAttachments(deps, intake.submission as InboundDossier)
  return settleFetch(deps, intake, fetched)
}

/** The fetch's outcome recorded: a later attempt when pending, the refusal, or on to the creation. */
export async function settleFetch(deps: IntakeDeps, intake: IntakeRow, fetched: Fetched): Promise<IntakeOutcome> {
  if (fetched.kind === 'pending') {
    await recordAttempt(deps.db, intake.nationalId, fetched.detail, deps.now())
    return fetched
  }
  if (fetched.kind === 'rejected') return reject(deps, intake.nationalId, fetched.reason, fetched.detail)
  return finishIntake(deps, intake, fetched.attachments, fetched.written)
}

async function reject(
  deps: IntakeDeps,
  nationalId: string,
  reason: IntakeRefusal,
  detail: string | null,
): Promise<IntakeOutcome> {
  await recordRejected(deps.db, nationalId, reason, detail, deps.now())
  return { kind: 'rejected', reason, detail }
}

/**
 * The creation of an intake whose attachments are stored (`fetched`) or being written (`written`):
 * refused, it is recorded rejected; failed otherwise, a `received` intake is recorded fetched.
 */
export async function finishIntake(
  deps: IntakeDeps,
  intake: IntakeRow,
  attachments: readonly StoredAttachmentRow[],
  written: Promise<void>,
): Promise<IntakeOutcome> {
  const dossier = intake.submission as InboundDossier
  let created: IntakeOutcome
  try {
    created = await createFromIntake(deps, intake.nationalId, dossier, attachments, written)
  } catch (error) {
    if (intake.state === 'received' && (await written.then(() => true).catch(() => false)))
      await recordFetched(deps.db, intake.nationalId, attachments, deps.now()).catch(() => {})
    throw error
  }
  if (created.kind === 'rejected') {
    await written.catch(() => {})
    return reject(deps, intake.nationalId, created.reason, created.detail)
  }
  return created
}

export type Fetched =
  | {
      readonly kind: 'fetched'
      readonly attachments: StoredAttachmentRow[]
      /** The files being written to the store: settled, flushed, before the creation may commit. */
      readonly written: Promise<void>
    }
  | Extract<IntakeOutcome, { kind: 'pending' | 'rejected' }>

/**
 * Lấy tệp đính kèm: each from the platform, checked (size, hash, type) and stored by its SHA-256. The
 * files are written in the background (`written`); every check is done before the first write starts.
 */
export async function fetchAttachments(deps: IntakeDeps, dossier: InboundDossier): Promise<Fetched> {
  const rejected = (reason: IntakeRefusal, detail: string) => ({ kind: 'rejected', reason, detail }) as const
  const total = dossier.TaiLieuNop.reduce((sum, a) => sum + a.KichThuoc, 0)
  if (total > deps.maxDossierBytes) return rejected(IntakeRefusal.AttachmentTooLarge, `${total} bytes in all`)
  const stored: StoredAttachmentRow[] = []
  const contents: { sha256: string; bytes: Buffer; mediaType: string }[] = []
  for (const a of dossier.TaiLieuNop) {
    if (a.KichThuoc > deps.maxFileBytes)
      return rejected(IntakeRefusal.AttachmentTooLarge, `${a.TenTaiLieu}: ${a.KichThuoc} bytes`)
    let got: FetchedAttachment
    try {
      got = await deps.client.attachment(a.DuongDan, Math.min(deps.maxFileBytes, a.KichThuoc))
    } catch (error) {
      if (error instanceof PortalUnavailable) return { kind: 'pending', detail: error.message }
      throw error
    }
    if (!got.ok)
      return got.reason === 'oversized'
        ? rejected(IntakeRefusal.AttachmentTooLarge, `${a.TenTaiLieu}: more than ${a.KichThuoc} bytes`)
        : rejected(IntakeRefusal.AttachmentUnavailable, `${a.TenTaiLieu}: ${got.reason}`)
    if (got.sha256 !== a.MaBam || got.bytes.length !== a.KichThuoc)
      return rejected(IntakeRefusal.HashMismatch, `${a.TenTaiLieu}: got ${got.sha256}, ${got.bytes.length} bytes`)
    const mediaType = detectType(got.bytes.subarray(0, 8))
    if (mediaType === null) return rejected(IntakeRefusal.AttachmentType, a.TenTaiLieu)
    contents.push({ sha256: got.sha256, bytes: got.bytes, mediaType })
    stored.push({ name: a.TenTaiLieu.normalize('NFC').trim(), sha256: got.sha256, size: got.bytes.length, mediaType })
  }
  const store = async (c: (typeof contents)[number]) => {
    if (!(await deps.storage.exists(c.sha256)))
      await deps.storage.put(c.sha256, c.bytes, { size: c.bytes.length, mediaType: c.mediaType })
  }
  const written = Promise.all(contents.map(store)).then(() => {})
  // Awaited by the creation; this keeps a failure from being reported unhandled before it is.
  written.catch(() => {})
  return { kind: 'fetched', attachments: stored, written }
}

class Refused extends Error {
  readonly outcome: Extract<IntakeOutcome, { kind: 'rejected' }>
  constructor(reason: IntakeRefusal, detail: string | null) {
    super(reason)
    this.outcome = { kind: 'rejected', reason, detail }
  }
}

/**
 * Nộp hồ sơ trực tuyến qua Cổng DVCQG: the dossier through the ordinary creation path (an online
 * submission, channel 2, status 1 at the chosen unit's reception queue, the applicant as the portal's
 * VNeID sign-in vouched for them), its files linked and the intake marked created, all in one
 * transaction holding the intake row's lock, so a crash leaves either nothing or everything. The
 * transaction commits only once the attachments' files are `written`. A refusal undoes the whole
 * transaction, so the engine runs in it directly, without a savepoint of its own.
 */
async function createFromIntake(
  deps: IntakeDeps,
  nationalId: string,
  dossier: InboundDossier,
  attachments: readonly StoredAttachmentRow[],
  written: Promise<void>,
): Promise<IntakeOutcome> {
  const now = deps.now()
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const intake = await findIntake(tx, nationalId, { lock: true })
      if (!intake || intake.state === 'rejected') throw new Refused(IntakeRefusal.Refused, 'intake no longer open')
      if (intake.state === 'created') return { kind: 'created', dossierId: intake.dossierId as string, existed: true }
      const catalogue = deps.catalogue ?? directCatalogue
      const procedureCode = await catalogue.procedureOf(tx, dossier.MaTTHC)
      if (procedureCode === null) throw new Refused(IntakeRefusal.UnknownProcedure, dossier.MaTTHC)
      const receivingAgencyId = await catalogue.agencyOf(tx, dossier.MaDonViTiepNhan, localDate(now))
      if (receivingAgencyId === null) throw new Refused(IntakeRefusal.UnknownReceivingUnit, dossier.MaDonViTiepNhan)
      const applicant = dossier.NguoiNop
      const userId = await findOrCreateCitizen(
        tx,
        {
          identityNumber: applicant.SoDinhDanh,
          name: applicant.HoTen,
          phone: applicant.SoDienThoai ?? null,
          email: applicant.Email ?? null,
        },
        now,
      )
      const { principal, application } = submissionOf(dossier, userId, procedureCode, receivingAgencyId, attachments)
      const outcome = await createDossier({ db: tx, engine: deps.engine }, principal, application, {
        idempotencyKey: intakeKey(nationalId),
        now,
        transaction: tx,
        savepoint: false,
      })
      if (!outcome.ok) {
        if (outcome.problem === 'no-procedure-in-force')
          throw new Refused(IntakeRefusal.UnknownProcedure, dossier.MaTTHC)
        throw new Refused(IntakeRefusal.Refused, JSON.stringify(outcome).slice(0, 1000))
      }
      await recordCreated(tx, { nationalId, dossierId: outcome.dossierId, attachments, uploadedBy: userId, at: now })
      await written
      return { kind: 'created', dossierId: outcome.dossierId, existed: false }
    })
  } catch (error) {
    if (error instanceof Refused) return error.outcome
    throw error
  }
}

/** The idempotency key of an intake's creation: one dossier per national dossier. */
export const intakeKey = (nationalId: string) => `portal-intake:${nationalId}`

/**
 * What the national dossier is as a submission: the applicant signed in as the portal's VNeID sign-in
 * vouched for them, an online application at the chosen unit, its stored attachments as components.
 */
export function submissionOf(
  dossier: InboundDossier,
  userId: string,
  procedureCode: string,
  receivingAgencyId: string,
  attachments: readonly StoredAttachmentRow[],
): { principal: Principal; application: DossierApplication } {
  const applicant = dossier.NguoiNop
  return {
    principal: {
      kind: 'citizen',
      userId,
      name: applicant.HoTen,
      identityNumber: applicant.SoDinhDanh,
      vneid: applicant.XacThucVNeID,
    },
    application: {
      procedureCode,
      receivingAgencyId,
      channel: Channel.Online,
      applicant: {
        id: userId,
        kind: 'citizen',
        name: applicant.HoTen,
        identityNumber: applicant.SoDinhDanh,
        phone: applicant.SoDienThoai ?? null,
        email: applicant.Email ?? null,
        address: applicant.DiaChi ?? null,
      },
      components: attachments.map((a) => ({ name: a.name, fileRef: a.sha256 })),
      ...(dossier.ToKhai ? { declaration: dossier.ToKhai.DuLieu, formVersion: dossier.ToKhai.PhienBanBieuMau } : {}),
    },
  }
}
