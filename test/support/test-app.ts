import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { OnlineEntry } from '../../src/config/config.ts'
import type { Grant } from '../../src/domain/access/principal.ts'
import { type AppOptions, buildApp } from '../../src/http/app.ts'
import { sessionCookie } from '../../src/http/auth/access-control.ts'
import { defaultFileOptions, type FileOptions } from '../../src/http/routes/files.ts'
import type { OpenDatabase } from '../../src/store/database.ts'
import { createSession, type SessionMethod } from '../../src/store/identity/sessions.ts'
import { createOfficer, findOrCreateCitizen } from '../../src/store/identity/users.ts'
import { createTestDatabase } from './test-database.ts'

/** A fixed "now" inside the demo catalogue's validity: 10:00 on 26 November 2026, Vietnam time. */
export const fixedNow = new Date('2026-11-26T03:00:00Z')

export type TestApp = {
  readonly app: FastifyInstance
  readonly database: OpenDatabase
  readonly files: FileOptions
  close(): Promise<void>
}

/**
 * `files`: where uploads go; by default a temporary directory of the app's own, removed on close.
 * `onlineEntry`: where citizens submit online (default: motcua's own form only).
 */
export async function createTestApp(
  options: {
    demoLogin?: boolean
    files?: FileOptions
    onlineEntry?: OnlineEntry
    portalInbound?: AppOptions['portalInbound']
    portalReconciliation?: AppOptions['portalReconciliation']
    catalogueSource?: AppOptions['catalogueSource']
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase()
  const filesRoot = options.files ? null : join(tmpdir(), `motcua-test-files-${randomUUID()}`)
  const files = options.files ?? defaultFileOptions(filesRoot ?? undefined)
  const app = await buildApp({
    db: database.db,
    now: () => fixedNow,
    demoLogin: options.demoLogin ?? false,
    files,
    ...(options.onlineEntry ? { onlineEntry: options.onlineEntry } : {}),
    portalInbound: options.portalInbound ?? null,
    portalReconciliation: options.portalReconciliation ?? null,
    catalogueSource: options.catalogueSource ?? null,
  })
  return {
    app,
    database,
    files,
    close: async () => {
      await app.close()
      await database.close()
      if (filesRoot) await rm(filesRoot, { recursive: true, force: true })
    },
  }
}

export type Who =
  | { readonly citizen: { readonly identityNumber: string; readonly name: string }; readonly method?: SessionMethod }
  | { readonly grants: readonly Grant[]; readonly name?: string }

/** Headers of a signed-in session (cookie and CSRF token) for a new citizen or officer. */
export async function signedIn(t: TestApp, who: Who): Promise<Record<string, string>> {
  const db = t.database.db
  const userId =
    'citizen' in who
      ? await findOrCreateCitizen(db, who.citizen, fixedNow)
      : await createOfficer(
          db,
          {
            username: `test-${randomUUID()}`,
            name: who.name ?? 'Cán bộ kiểm thử',
            password: randomUUID(),
            grants: who.grants,
          },
          fixedNow,
        )
  const session = await createSession(db, userId, 'citizen' in who ? (who.method ?? 'vneid') : 'password', new Date())
  return { cookie: `${sessionCookie}=${session.token}`, 'x-csrf-token': session.csrfToken }
}
