import { randomUUID } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import type { Grant, Principal } from '../../domain/access/principal.ts'
import type { Db } from '../database.ts'
import { isUuid } from '../uuid.ts'
import type { SessionMethod } from './sessions.ts'
import { hashSecret, newSecret } from './tokens.ts'

/** Lockout after repeated failures (product rule, configuration later): 5 wrong passwords → 15 minutes. */
export const lockout = { failures: 5, minutes: 15 } as const

// Verified against for unknown users, so that a miss costs as much time as a wrong password.
const dummyHash = hash('motcua: not a password of anyone')

export async function createOfficer(
  db: Db,
  input: { username: string; name: string; password: string; grants: readonly Grant[] },
  now: Date,
): Promise<string> {
  const id = randomUUID()
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('users')
      .values({
        id,
        kind: 'officer',
        username: input.username,
        display_name: input.name,
        password_hash: await hash(input.password),
        created_at: now,
      })
      .execute()
    if (input.grants.length > 0)
      await tx
        .insertInto('role_grants')
        .values(input.grants.map((g) => ({ user_id: id, role: g.role, agency_id: g.agencyId })))
        .execute()
  })
  return id
}

export type PasswordCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'locked' }

/**
 * Checks an officer's password; counts failures and locks the account after `lockout.failures`.
 * Unknown users and wrong passwords answer alike, so the answer does not reveal which accounts exist.
 */
export async function checkPassword(db: Db, username: string, password: string, now: Date): Promise<PasswordCheck> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'failed_logins', 'locked_until', 'disabled'])
    .where('username', '=', username)
    .where('kind', '=', 'officer')
    .executeTakeFirst()
  if (!user?.password_hash || user.disabled) {
    await verify(await dummyHash, password)
    return { ok: false, reason: 'invalid' }
  }
  if (user.locked_until && user.locked_until > now) return { ok: false, reason: 'locked' }
  if (await verify(user.password_hash, password)) {
    await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute()
    return { ok: true, userId: user.id }
  }
  const failures = user.failed_logins + 1
  const locked = failures >= lockout.failures ? new Date(now.getTime() + lockout.minutes * 60_000) : null
  await db
    .updateTable('users')
    .set({ failed_logins: locked ? 0 : failures, locked_until: locked })
    .where('id', '=', user.id)
    .execute()
  return { ok: false, reason: locked ? 'locked' : 'invalid' }
}

export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: await hash(password), failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute()
}

export async function verifyUserPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst()
  return user?.password_hash ? verify(user.password_hash, password) : false
}

/** What VNeID vouched for beyond name and number, kept as it last said (to prefill declarations). */
export type VouchedClaims = {
  readonly birthDate: string | null
  readonly sex: 'male' | 'female' | null
  readonly address: Record<string, unknown> | null
}

/**
 * A citizen known by identity number (from VNeID claims or the demo login), created on first sign-in.
 * `vouched` (VNeID sign-ins only) replaces the birth date, sex and address kept from the last one.
 */
export async function findOrCreateCitizen(
  db: Db,
  claims: {
    identityNumber: string
    name: string
    phone?: string | null
    email?: string | null
    vouched?: VouchedClaims
  },
  now: Date,
): Promise<string> {
  const vouched = claims.vouched
    ? {
        birth_date: claims.vouched.birthDate,
        sex: claims.vouched.sex,
        address: claims.vouched.address ? JSON.stringify(claims.vouched.address) : null,
      }
    : {}
  // One statement whether the citizen is new or known: a known one keeps their id, phone and e-mail
  // and takes the name (and what VNeID vouched for) as it is now.
  const row = await db
    .insertInto('users')
    .values({
      id: randomUUID(),
      kind: 'citizen',
      display_name: claims.name,
      identity_number: claims.identityNumber,
      phone: claims.phone ?? null,
      email: claims.email ?? null,
      ...vouched,
      created_at: now,
    })
    .onConflict((oc) => oc.column('identity_number').doUpdateSet({ display_name: claims.name, ...vouched }))
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * `findOrCreateCitizen` for a batch (the portal intake's page), one statement: the user id of each
 * identity number. An identity named twice is written once, with its last name.
 */
export async function findOrCreateCitizens(
  db: Db,
  claims: readonly { identityNumber: string; name: string; phone: string | null; email: string | null }[],
  now: Date,
): Promise<Map<string, string>> {
  const unique = new Map(claims.map((c) => [c.identityNumber, c]))
  if (unique.size === 0) return new Map()
  const rows = await db
    .insertInto('users')
    .values(
      [...unique.values()].map((c) => ({
        id: randomUUID(),
        kind: 'citizen',
        display_name: c.name,
        identity_number: c.identityNumber,
        phone: c.phone,
        email: c.email,
        created_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.column('identity_number').doUpdateSet((eb) => ({ display_name: eb.ref('excluded.display_name') })),
    )
    .returning(['id', 'identity_number'])
    .execute()
  return new Map(rows.map((r) => [r.identity_number as string, r.id]))
}

/** The principal behind a session or token: the user, their grants, and how they signed in. */
export async function principalOf(
  db: Db,
  userId: string,
  method: SessionMethod | 'token',
  scopes: string[] = [],
): Promise<Principal | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'kind', 'display_name', 'identity_number', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user || user.disabled) return null
  if (user.kind === 'citizen')
    return {
      kind: 'citizen',
      userId: user.id,
      name: user.display_name,
      identityNumber: user.identity_number,
      vneid: method === 'vneid',
    }
  const grants = await db
    .selectFrom('role_grants')
    .select(['role', 'agency_id'])
    .where('user_id', '=', user.id)
    .execute()
  return {
    kind: user.kind,
    userId: user.id,
    name: user.display_name,
    grants: grants.map((g) => ({ role: g.role as Grant['role'], agencyId: g.agency_id })),
    scopes,
  }
}

/** An integration client's API token with scopes; returns the secret once. */
export async function createApiToken(
  db: Db,
  userId: string,
  name: string,
  scopes: string[],
  now: Date,
): Promise<string> {
  const token = `mc_${newSecret()}`
  await db
    .insertInto('api_tokens')
    .values({ token_hash: hashSecret(token), user_id: userId, name, scopes: JSON.stringify(scopes), created_at: now })
    .execute()
  return token
}

export async function findApiToken(db: Db, token: string) {
  return db
    .selectFrom('api_tokens')
    .select(['user_id', 'scopes'])
    .where('token_hash', '=', hashSecret(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}

/** The identity a citizen's account holds: name and number, and what VNeID last vouched for. */
export async function citizenIdentity(db: Db, userId: string) {
  const row = await db
    .selectFrom('users')
    .select(['display_name', 'identity_number', 'birth_date', 'sex', 'address'])
    .where('id', '=', userId)
    .where('kind', '=', 'citizen')
    .executeTakeFirst()
  return row
    ? {
        name: row.display_name,
        identityNumber: row.identity_number,
        birthDate: row.birth_date,
        sex: row.sex,
        address: row.address ?? null,
      }
    : null
}

/**
 * Whether an actor id is one of motcua's accounts; a dossier's log may also name actors of an earlier
 * system (history import) or of the demo seed, whose ids are not accounts (nor UUIDs).
 */
export async function isAccount(db: Db, userId: string): Promise<boolean> {
  if (!isUuid(userId)) return false
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()
  return row !== undefined
}
