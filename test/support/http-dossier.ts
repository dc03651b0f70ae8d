import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import type { TestApp } from './test-app.ts'

/** An online submission of birth registration (1.001193) at Phường Bắc Nha Trang's one-stop unit. */
export const onlineBirthRegistration = (applicant: { phone?: string | null; email?: string | null } = {}) => ({
  procedureCode: '1.001193',
  receivingAgencyId: 'ttpvhcc-22333',
  channel: 2,
  applicant: {
    id: 'x',
    kind: 'citizen',
    name: 'x',
    identityNumber: null,
    phone: applicant.phone ?? null,
    email: applicant.email ?? null,
    address: null,
  },
  components: [],
})

/** Submits online as the signed-in citizen of `headers`; fails the test unless 201. */
export async function submitOnline(
  t: TestApp,
  headers: Record<string, string>,
  phone?: string,
  email?: string,
): Promise<DossierView> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    payload: onlineBirthRegistration({ phone: phone ?? null, email: email ?? null }),
  })
  assert.equal(res.statusCode, 201, res.body)
  return res.json<DossierView>()
}

/** Runs the command at `path` on the dossier's current version; fails the test unless 200. */
export async function runCommand(
  t: TestApp,
  headers: Record<string, string>,
  d: DossierView,
  path: string,
  body: object = {},
): Promise<DossierView> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${d.id}/${path}`,
    headers: { ...headers, 'idempotency-key': randomUUID() },
    payload: { expectedVersion: d.version, ...body },
  })
  assert.equal(res.statusCode, 200, `${path}: ${res.body}`)
  return res.json<DossierView>()
}
