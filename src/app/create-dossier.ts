import { randomUUID } from 'node:crypto'
import type { Principal } from '../domain/access/principal.ts'
import { actorsFor } from '../domain/access/route-permissions.ts'
import { localDate } from '../domain/calendar/local-time.ts'
import type { FieldError } from '../domain/declarations/named-rules.ts'
import type { Actor } from '../domain/dossier/actor.ts'
import type { Applicant } from '../domain/dossier/events.ts'
import { Channel } from '../domain/dossier/status.ts'
import type { Db } from '../store/database.ts'
import { deleteDraft } from '../store/declarations/drafts.ts'
import type { dossierCommands, Outcome, RunOptions } from '../store/dossiers/dossier-commands.ts'
import { versionInForce } from '../store/dossiers/procedure-terms.ts'
import { checkDeclaration } from './declarations/check-declaration.ts'

/** What the caller asks for: a dossier of a procedure at a one-stop unit, on a channel. */
export type DossierApplication = {
  readonly procedureCode: string
  readonly receivingAgencyId: string
  readonly channel: Channel
  /** As typed in; a citizen's own sign-in replaces who they are (see `applicantOf`). */
  readonly applicant: Omit<Applicant, 'vneid'>
  readonly components: readonly { readonly name: string; readonly fileRef: string | null }[]
  /** Tờ khai: the applicant's data on the procedure's form (required when the procedure has one). */
  readonly declaration?: Readonly<Record<string, unknown>> | undefined
  /** The form version the data was entered on. */
  readonly formVersion?: number | undefined
  /** The commune chosen to decide an any-location procedure (default: the receiving unit's own). */
  readonly competentAgencyId?: string | undefined
  /** Walk-in or postal: receive at once (default), or register for the counter's check first. */
  readonly receiveNow?: boolean | undefined
}

export type CreateDossierOutcome =
  | Outcome
  | { readonly ok: false; readonly problem: 'no-procedure-in-force' }
  | { readonly ok: false; readonly problem: 'forbidden' }
  | { readonly ok: false; readonly problem: 'online-at-national-portal' }
  | { readonly ok: false; readonly problem: 'invalid-declaration'; readonly errors: readonly FieldError[] }

/**
 * Who creates: a citizen submits online only, as themselves; an officer receives a walk-in (not
 * online) only as the counter officer of the receiving unit. Anyone else has no actor here.
 */
function creatorOf(principal: Principal, application: DossierApplication): Actor | undefined {
  const online = application.channel === Channel.Online
  if (principal.kind === 'citizen') return online ? actorsFor(principal, null)[0] : undefined
  if (online) return undefined
  return actorsFor(principal, null).find(
    (a) => a.role === 'counter_officer' && a.agencyId === application.receivingAgencyId,
  )
}

/**
 * With which identity: a citizen applies as themselves, with the identity their sign-in vouches for;
 * a walk-in is known by the identity number the counter checked (or a fresh id without one).
 */
function applicantOf(principal: Principal, application: DossierApplication): Applicant {
  if (principal.kind === 'citizen')
    return {
      ...application.applicant,
      id: principal.userId,
      name: principal.name,
      identityNumber: principal.identityNumber,
      vneid: principal.vneid,
    }
  return {
    ...application.applicant,
    id: `person:${application.applicant.identityNumber ?? randomUUID()}`,
    vneid: false,
  }
}

/** The engine's creation an application comes to, or why it cannot be made. */
export type PreparedCreation =
  | { readonly ok: true; readonly creation: Parameters<ReturnType<typeof dossierCommands>['create']>[0] }
  | Extract<
      CreateDossierOutcome,
      {
        ok: false
        problem: 'no-procedure-in-force' | 'forbidden' | 'online-at-national-portal' | 'invalid-declaration'
      }
    >

/**
 * The procedure version in force today, the actor the principal may create as, the applicant's
 * identity and the checked declaration: the engine's creation, not yet run.
 */
export async function prepareCreation(
  deps: {
    readonly db: Db
    readonly localOnlineSubmission?: boolean
    /** The version in force of a procedure on a day: the store's lookup unless a batch remembers it. */
    readonly versionOf?: typeof versionInForce
  },
  principal: Principal,
  application: DossierApplication,
  now: Date,
): Promise<PreparedCreation> {
  const version = await (deps.versionOf ?? versionInForce)(deps.db, application.procedureCode, localDate(now))
  if (version === null) return { ok: false, problem: 'no-procedure-in-force' }
  const actor = creatorOf(principal, application)
  if (!actor) return { ok: false, problem: 'forbidden' }
  if (application.channel === Channel.Online && deps.localOnlineSubmission === false)
    return { ok: false, problem: 'online-at-national-portal' }
  const procedure = { code: application.procedureCode, version }
  const declared = await checkDeclaration(deps.db, procedure, application, localDate(now))
  if (!declared.ok) return { ok: false, problem: 'invalid-declaration', errors: declared.errors }
  const common = {
    actor,
    channel: application.channel,
    applicant: applicantOf(principal, application),
    procedure,
    receivingAgencyId: application.receivingAgencyId,
    components: application.components.map((c) => ({ ...c, digitized: false })),
    ...(declared.declaration ? { declaration: declared.declaration } : {}),
    ...(application.competentAgencyId ? { competentAgencyId: application.competentAgencyId } : {}),
  }
  if (application.channel !== Channel.Online)
    return {
      ok: true,
      creation: {
        action: application.receiveNow === false ? 'register-at-counter' : 'receive-at-counter',
        ...common,
      },
    }
  return { ok: true, creation: { action: 'submit', ...common } }
}

/**
 * Nộp hồ sơ trực tuyến / tiếp nhận trực tiếp: the prepared creation run by the lifecycle engine.
 */
export async function createDossier(
  deps: {
    readonly db: Db
    readonly engine: ReturnType<typeof dossierCommands>
    /** False: the province takes online dossiers through the national portal only (MOTCUA_LOCAL_ONLINE_SUBMISSION). */
    readonly localOnlineSubmission?: boolean
  },
  principal: Principal,
  application: DossierApplication,
  options: RunOptions,
): Promise<CreateDossierOutcome> {
  const prepared = await prepareCreation(deps, principal, application, options.now)
  if (!prepared.ok) return prepared
  const outcome = await deps.engine.create(prepared.creation, options)
  // The draft has become the dossier. Were this to fail after the commit, the draft would only linger
  // until it expires: nothing the applicant submitted depends on it.
  if (outcome.ok && principal.kind === 'citizen' && prepared.creation.action === 'submit')
    await deleteDraft(deps.db, principal.userId, prepared.creation.procedure.code, {
      at: options.now,
      actor: principal.userId,
      reason: 'submitted',
    })
  return outcome
}
