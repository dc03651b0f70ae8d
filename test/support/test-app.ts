import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/http/app.ts'
import type { OpenDatabase } from '../../src/store/database.ts'
import { createTestDatabase } from './test-database.ts'

/** A fixed "now" inside the demo catalogue's validity: 10:00 on 26 November 2026, Vietnam time. */
export const fixedNow = new Date('2026-11-26T03:00:00Z')

export type TestApp = { readonly app: FastifyInstance; readonly database: OpenDatabase; close(): Promise<void> }

export const testAdminToken = 'test-admin-token-0123456789'

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase()
  const app = await buildApp({ db: database.db, now: () => fixedNow, adminToken: testAdminToken })
  return {
    app,
    database,
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}
