import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { decisionFor, declarationFor } from './declaration-samples.ts'
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
  ...declarationFor('1.001193'),
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

/** The officers a dossier of the demo commune passes through: counter, leader, specialist (headers each). */
export type Officers = { readonly counter: Headers; readonly leader: Headers; readonly specialist: Headers }
type Headers = Record<string, string>

/** Received, transferred and assigned by the leader to the specialist: ready for appraisal or a payment request. */
export async function assigned(t: TestApp, who: Officers, submitted: DossierView): Promise<DossierView> {
  let d = await runCommand(t, who.counter, submitted, 'reception')
  d = await runCommand(t, who.counter, d, 'transfer')
  const specialist = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: who.specialist })).json<{
    user: { id: string; name: string }
  }>().user
  return runCommand(t, who.leader, d, 'assignment', { assigneeId: specialist.id, assigneeName: specialist.name })
}

/** Appraised (approve) by the specialist and approved by the leader: ready for the clerk's issue. */
export async function approved(t: TestApp, who: Officers, assignedDossier: DossierView): Promise<DossierView> {
  const d = await runCommand(t, who.specialist, assignedDossier, 'appraisal', {
    outcome: 'approve',
    note: 'Đủ điều kiện',
    ...decisionFor(assignedDossier.procedure.code),
  })
  return runCommand(t, who.leader, d, 'approval')
}
