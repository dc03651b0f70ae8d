import type { Db } from '../database.ts'
import { hashSecret, newSecret } from './tokens.ts'

export type SessionMethod = 'password' | 'vneid' | 'oidc' | 'demo'

/** Sessions live in the database, so any server process can serve any request. */
export const sessionHours = 12

export async function createSession(db: Db, userId: string, method: SessionMethod, now: Date) {
  const token = newSecret()
  const csrfToken = newSecret()
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000)
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(token),
      user_id: userId,
      method,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute()
  return { token, csrfToken, expiresAt }
}

export async function findSession(db: Db, token: string, now: Date) {
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'method', 'csrf_token', 'expires_at'])
    .where('token_hash', '=', hashSecret(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row ? { userId: row.user_id, method: row.method, csrfToken: row.csrf_token } : null
}

export async function revokeSession(db: Db, token: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', hashSecret(token)).execute()
}

/** Đăng xuất mọi nơi: ends every session of the user. */
export async function revokeAllSessions(db: Db, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
