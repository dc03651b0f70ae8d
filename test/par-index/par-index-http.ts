import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Grant } from '../../src/domain/access/principal.ts'
import { buildApp } from '../../src/http/app.ts'
import { sessionCookie } from '../../src/http/auth/access-control.ts'
import { defaultFileOptions } from '../../src/http/routes/files.ts'
import type { OpenDatabase } from '../../src/store/database.ts'
import { createSession } from '../../src/store/identity/sessions.ts'
import { createOfficer } from '../../src/store/identity/users.ts'
import { createTestDatabase } from '../support/test-database.ts'

/** An app whose clock the test moves, to pass the round's deadlines. */
export type ParTestApp = {
  readonly app: FastifyInstance
  readonly database: OpenDatabase
  readonly clock: { now: Date }
  /** A new officer with these grants: its account id and a way to sign in at the clock's time. */
  officer(grants: readonly Grant[], name?: string): Promise<Officer>
  close(): Promise<void>
}

export type Officer = { readonly id: string; headers(): Promise<Record<string, string>> }

export async function createParTestApp(start: Date): Promise<ParTestApp> {
  const database = await createTestDatabase()
  const root = join(tmpdir(), `motcua-par-files-${randomUUID()}`)
  const clock = { now: start }
  const app = await buildApp({
    db: database.db,
    now: () => clock.now,
    demoLogin: false,
    files: defaultFileOptions(root),
    portalInbound: null,
  })
  return {
    app,
    database,
    clock,
    officer: async (grants, name = 'Cán bộ kiểm thử') => {
      const db = database.db
      const id = await createOfficer(
        db,
        { username: `par-${randomUUID()}`, name, password: randomUUID(), grants },
        clock.now,
      )
      return {
        id,
        headers: async () => {
          const s = await createSession(db, id, 'password', clock.now)
          return { cookie: `${sessionCookie}=${s.token}`, 'x-csrf-token': s.csrfToken }
        },
      }
    },
    close: async () => {
      await app.close()
      await database.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}

/** A small, well-formed PDF (its type is detected from the content). */
export const evidencePdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1')

/** The people of a departments' round: the administrator, a council member, two units' leaders. */
export type ParCast = { admin: Officer; council: Officer; justice: Officer; construction: Officer }

export async function departmentsCast(t: ParTestApp): Promise<ParCast> {
  return {
    admin: await t.officer([{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }]),
    council: await t.officer([{ role: 'specialist', agencyId: 'so-noi-vu' }], 'Thành viên Hội đồng'),
    justice: await t.officer([{ role: 'leader', agencyId: 'so-tu-phap' }]),
    construction: await t.officer([{ role: 'leader', agencyId: 'so-xay-dung' }]),
  }
}

/** One request to the app as `who`. */
export async function callAs(t: ParTestApp, who: Officer, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: await who.headers(), ...(payload ? { payload } : {}) })
}

/** The departments' 2026 round as the administrator opens it: self-assessment until 10/12, explanation until 20/12. */
export const departments2026 = (council: Officer) => ({
  year: 2026,
  unitKind: 'department',
  council: [council.id],
  selfAssessmentDeadline: '2026-12-10T17:00:00+07:00',
  explanationDeadline: '2026-12-20T17:00:00+07:00',
})
