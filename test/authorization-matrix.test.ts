import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import type { Grant } from '../src/domain/access/principal.ts'
import { documentCommandRoutes } from '../src/http/routes/documents.ts'
import { commandRoutes } from '../src/http/routes/dossier-commands.ts'
import { petitionCommandRoutes } from '../src/http/routes/petitions.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { createApiToken } from '../src/store/identity/users.ts'
import { commandFor } from './support/command-arbitrary.ts'
import { declarationFor } from './support/declaration-samples.ts'
import { actors } from './support/dossier-fixtures.ts'
import { runCommand, submitOnline } from './support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

/** Who calls: every role at an agency the dossier touches ("own") and at one it does not ("foreign"). */
type Caller = {
  readonly label: string
  readonly kind: 'anonymous' | 'owner' | 'other-citizen' | 'staff' | 'integration'
  readonly grant?: Grant
  readonly own?: boolean
}
const own: Record<string, string> = {
  counter_officer: 'ttpvhcc-22333',
  specialist: 'xa-22333',
  leader: 'xa-22333',
  clerk: 'xa-22333',
  agency_admin: 'xa-22333',
  provincial_admin: 'ubnd-tinh',
  monitor: 'ubnd-tinh',
}
const foreign: Record<string, string> = {
  counter_officer: 'ttpvhcc-22366',
  provincial_admin: 'ubnd-tinh',
  monitor: 'ubnd-tinh',
}
const callers: Caller[] = [
  { label: 'anonymous', kind: 'anonymous' },
  { label: 'citizen (owner)', kind: 'owner' },
  { label: 'citizen (other)', kind: 'other-citizen' },
  ...Object.keys(own).flatMap((role): Caller[] => [
    { label: `${role} (own agency)`, kind: 'staff', grant: { role, agencyId: own[role] } as Grant, own: true },
    ...(role === 'provincial_admin' || role === 'monitor'
      ? []
      : [
          {
            label: `${role} (foreign agency)`,
            kind: 'staff',
            grant: { role, agencyId: foreign[role] ?? 'xa-22366' } as Grant,
            own: false,
          } as Caller,
        ]),
  ]),
  { label: 'integration (own agency, read)', kind: 'integration', own: true },
  { label: 'integration (foreign agency, read)', kind: 'integration', own: false },
]

type Expectation = 'allowed' | 401 | 403
const workflow = ['counter_officer', 'specialist', 'leader', 'clerk']
const role = (c: Caller) => c.grant?.role ?? ''
const signedInOnly = (c: Caller): Expectation => (c.kind === 'anonymous' ? 401 : 'allowed')
const onlyRoles =
  (...roles: string[]) =>
  (c: Caller): Expectation =>
    c.kind === 'anonymous' ? 401 : roles.includes(role(c)) ? 'allowed' : 403
const dossierReaders = (c: Caller): Expectation => {
  if (c.kind === 'anonymous') return 401
  if (c.kind === 'owner') return 'allowed'
  if (c.kind === 'other-citizen' || role(c) === 'monitor') return 403
  if (role(c) === 'provincial_admin') return 'allowed'
  return c.own ? 'allowed' : 403
}
const dossierActors = (c: Caller): Expectation => {
  if (c.kind === 'anonymous') return 401
  if (c.kind === 'owner') return 'allowed'
  if (c.kind === 'other-citizen' || c.kind === 'integration' || !workflow.includes(role(c))) return 403
  return c.own ? 'allowed' : 403
}
const integrationOnly = (c: Caller): Expectation =>
  c.kind === 'anonymous' ? 401 : c.kind === 'integration' ? 'allowed' : 403
const petitionActors = (c: Caller): Expectation =>
  c.kind === 'anonymous'
    ? 401
    : c.kind === 'owner' || c.kind === 'other-citizen' || workflow.includes(role(c))
      ? 'allowed'
      : 403
const documentStaff = onlyRoles('specialist', 'leader', 'clerk')
const officersOnly = (c: Caller): Expectation => (c.kind === 'anonymous' ? 401 : c.kind === 'staff' ? 'allowed' : 403)
const indicatorReaders = onlyRoles('monitor', 'provincial_admin', 'leader', 'agency_admin')
const programmeReporters = onlyRoles('specialist', 'leader', 'agency_admin', 'provincial_admin')
const programmeReaders = onlyRoles('specialist', 'leader', 'agency_admin', 'provincial_admin', 'monitor')

/** The expected outcome of every route for every caller. A route missing here fails the test. */
const expectations: Record<string, (c: Caller) => Expectation> = {
  'GET /health': () => 'allowed',
  'GET /api/openapi.json': () => 'allowed',
  'GET /api/procedures': () => 'allowed',
  'GET /api/procedures/:code': () => 'allowed',
  'GET /api/agencies': () => 'allowed',
  'GET /api/calendar/years/:year': () => 'allowed',
  'PUT /api/calendar/years/:year': onlyRoles('provincial_admin'),
  'DELETE /api/calendar/years/:year': onlyRoles('provincial_admin'),
  'GET /api/calendar/holiday-rules': () => 'allowed',
  'POST /api/calendar/holiday-rules': onlyRoles('provincial_admin'),
  'PATCH /api/calendar/holiday-rules/:id': onlyRoles('provincial_admin'),
  'GET /api/catalogue/change-sets': onlyRoles('provincial_admin'),
  'POST /api/catalogue/change-sets': onlyRoles('provincial_admin'),
  'GET /api/catalogue/change-sets/:id': onlyRoles('provincial_admin'),
  'POST /api/catalogue/change-sets/:id/approval': onlyRoles('provincial_admin'),
  'POST /api/catalogue/change-sets/:id/rejection': onlyRoles('provincial_admin'),
  'GET /api/calendar/due': () => 'allowed',
  'GET /api/calendar/lunar': () => 'allowed',
  'POST /api/auth/login': () => 'allowed',
  'POST /api/auth/demo-login': () => 'allowed',
  'GET /api/auth/session': signedInOnly,
  'POST /api/auth/logout': signedInOnly,
  'POST /api/auth/logout-everywhere': signedInOnly,
  'POST /api/auth/password': signedInOnly,
  'POST /api/lookup': () => 'allowed',
  'GET /api/statistics': () => 'allowed',
  'GET /api/indicators/overview': indicatorReaders,
  'GET /api/indicators/ranking': indicatorReaders,
  'GET /api/indicators/documents': indicatorReaders,
  'GET /api/indicators/breakdown': indicatorReaders,
  'GET /api/reports/ii06a': indicatorReaders,
  'GET /api/reports/ii06a.xlsx': indicatorReaders,
  'GET /api/reports/ii06a.pdf': indicatorReaders,
  'GET /api/indicators/time-reduction': indicatorReaders,
  'GET /api/indicators/time-reduction/candidates': indicatorReaders,
  'GET /api/indicators/dossiers': indicatorReaders,
  'GET /api/indicators/targets': indicatorReaders,
  'PUT /api/indicators/targets': onlyRoles('provincial_admin'),
  'POST /api/webhook-subscriptions': integrationOnly,
  'GET /api/webhook-subscriptions': integrationOnly,
  'DELETE /api/webhook-subscriptions/:id': integrationOnly,
  'GET /api/outbox/dead-letters': onlyRoles('provincial_admin'),
  'POST /api/outbox/dead-letters/:consumer/:messageId/redrive': onlyRoles('provincial_admin'),
  'GET /api/portal/reconciliation/runs': onlyRoles('provincial_admin'),
  'POST /api/portal/reconciliation/runs': onlyRoles('provincial_admin'),
  'GET /api/portal/reconciliation/runs/:id': onlyRoles('provincial_admin'),
  'GET /api/portal/reconciliation/runs/:id/report.csv': onlyRoles('provincial_admin'),
  'POST /api/portal/reconciliation/resends': onlyRoles('provincial_admin'),
  'POST /api/portal/reconciliation/repulls': onlyRoles('provincial_admin'),
  'POST /api/verify': () => 'allowed',
  'GET /api/auth/vneid/login': () => 'allowed',
  'GET /api/auth/vneid/callback': () => 'allowed',
  'POST /api/users': onlyRoles('agency_admin', 'provincial_admin'),
  'POST /api/integration-clients': onlyRoles('provincial_admin'),
  // Citizens submit online; counter officers receive walk-ins only (this body is an online submission).
  'POST /api/dossiers': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || c.kind === 'other-citizen' ? 'allowed' : 403,
  'GET /api/dossiers/:ref': dossierReaders,
  'POST /api/dossiers/:ref/files': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || (role(c) === 'counter_officer' && c.own) ? 'allowed' : 403,
  'GET /api/dossiers/:ref/files/:sha256': dossierReaders,
  'GET /api/dossiers/:ref/forms/:form': dossierReaders,
  'GET /api/dossiers/:ref/declaration.pdf': dossierReaders,
  'GET /api/dossiers/:ref/declaration-form': dossierReaders,
  'GET /api/tracking-book': (c) => (c.kind === 'anonymous' ? 401 : workflow.includes(role(c)) ? 'allowed' : 403),
  'GET /api/my-dossiers': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || c.kind === 'other-citizen' ? 'allowed' : 403,
  'GET /api/vault': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || c.kind === 'other-citizen' ? 'allowed' : 403,
  'POST /api/dossiers/:ref/reused-components': dossierActors,
  // Readers get the list or 409 reuseNotOffered (not a denial): the gate is availableActions, not the route.
  'GET /api/dossiers/:ref/reusable-documents': dossierReaders,
  // Consultation letters: listed for whoever reads the dossier; drafted only by a specialist whom the
  // dossier's availableActions lets transfer it (this dossier is not in appraisal: 422, not a denial).
  'GET /api/dossiers/:ref/documents': dossierReaders,
  'POST /api/dossiers/:ref/consultation-letters': (c) =>
    c.kind === 'anonymous' ? 401 : role(c) === 'specialist' && c.own ? 'allowed' : 403,
  'GET /api/my-notification-preferences': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || c.kind === 'other-citizen' ? 'allowed' : 403,
  'PUT /api/my-notification-preferences': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || c.kind === 'other-citizen' ? 'allowed' : 403,
  'GET /api/procedures/:code/prefill': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || c.kind === 'other-citizen' ? 'allowed' : 403,
  'GET /api/declaration-drafts': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || c.kind === 'other-citizen' ? 'allowed' : 403,
  'GET /api/declaration-drafts/:code': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || c.kind === 'other-citizen' ? 'allowed' : 403,
  'PUT /api/declaration-drafts/:code': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || c.kind === 'other-citizen' ? 'allowed' : 403,
  'DELETE /api/declaration-drafts/:code': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' || c.kind === 'other-citizen' ? 'allowed' : 403,
  // Online payment: the applicant asks for the gateway URL; the gateway's return and IPN authenticate by signature.
  'POST /api/dossiers/:ref/online-payments': (c) =>
    c.kind === 'anonymous' ? 401 : c.kind === 'owner' ? 'allowed' : 403,
  'GET /api/dossiers/:ref/online-payments/:id/receipt': dossierReaders,
  'GET /api/payments/vnpay/return': () => 'allowed',
  'GET /api/payments/vnpay/ipn': () => 'allowed',
  // The national platform pushes dossiers submitted on the national portal, authenticated by API key and signature.
  'POST /api/portal/inbound-dossiers': () => 'allowed',
  // And petitions sent there, authenticated the same way (the route checks the key and signature).
  'POST /api/portal/inbound-petitions': () => 'allowed',
  'GET /mo-phong-thanh-toan': () => 'allowed',
  'POST /mo-phong-thanh-toan/ket-qua': () => 'allowed',
  'POST /mo-phong-thanh-toan/api/transaction': () => 'allowed',
  'GET /api/queues/:role': (c) => (c.kind === 'anonymous' ? 401 : workflow.includes(role(c)) ? 'allowed' : 403),
  // Deadline alerts: the officer's own and their roles', workflow staff only (rules.md "Deadline watcher").
  'GET /api/office/alerts': (c) => (c.kind === 'anonymous' ? 401 : workflow.includes(role(c)) ? 'allowed' : 403),
  ...Object.fromEntries(commandRoutes.map((r) => [`POST /api/dossiers/:ref/${r.path}`, dossierActors])),
  // Petitions: anyone submits and reads the published answers; the petition's availableActions decides the rest.
  'POST /api/petitions': () => 'allowed',
  'GET /api/petitions/published': () => 'allowed',
  'GET /api/petitions/queue': (c) => (c.kind === 'anonymous' ? 401 : workflow.includes(role(c)) ? 'allowed' : 403),
  'GET /api/petitions/indicators': indicatorReaders,
  'GET /api/petitions/mine': petitionActors,
  'GET /api/petitions/:code': petitionActors,
  ...Object.fromEntries(petitionCommandRoutes.map((r) => [`POST /api/petitions/:code/${r.path}`, petitionActors])),
  // Documents: specialists, leaders and clerks; the document's agency and availableActions decide the rest.
  'GET /api/documents/types': documentStaff,
  'POST /api/documents': documentStaff,
  'GET /api/documents/inbox': documentStaff,
  'GET /api/documents/registers/:register': documentStaff,
  'GET /api/documents/registers/:register/pdf': documentStaff,
  'GET /api/documents/:id': documentStaff,
  'GET /api/documents/:id/pdf': documentStaff,
  'GET /api/documents/:id/handlers': documentStaff,
  ...Object.fromEntries(documentCommandRoutes.map((r) => [`POST /api/documents/:id/${r.path}`, documentStaff])),
  // Satisfaction survey (SIPAS): indicator readers see periods and results, the provincial administrator
  // (for the Department of Home Affairs) opens, types paper forms and closes; a link's token is its own key.
  'GET /api/surveys': indicatorReaders,
  'POST /api/surveys': onlyRoles('provincial_admin'),
  'GET /api/surveys/:id': indicatorReaders,
  'GET /api/surveys/:id/results': indicatorReaders,
  'POST /api/surveys/:id/paper-answers': onlyRoles('provincial_admin'),
  'POST /api/surveys/:id/closure': onlyRoles('provincial_admin'),
  'GET /api/surveys/links/:token': () => 'allowed',
  'POST /api/surveys/links/:token/answer': () => 'allowed',
  // PAR index: any officer; the round's availableActions and visibility decide the rest; opening is the administrator's.
  'GET /api/par-index/rounds': officersOnly,
  'POST /api/par-index/rounds': onlyRoles('provincial_admin'),
  'GET /api/par-index/rounds/:id': officersOnly,
  'GET /api/par-index/council-candidates': onlyRoles('provincial_admin'),
  'GET /api/par-index/rounds/:id/progress': officersOnly,
  'GET /api/par-index/rounds/:id/units/:unitId': officersOnly,
  'POST /api/par-index/rounds/:id/units/:unitId/self-assessment': officersOnly,
  'POST /api/par-index/rounds/:id/units/:unitId/appraisal': officersOnly,
  'POST /api/par-index/rounds/:id/units/:unitId/explanation': officersOnly,
  'POST /api/par-index/rounds/:id/units/:unitId/evidence': officersOnly,
  'GET /api/par-index/rounds/:id/units/:unitId/evidence/:sha256': officersOnly,
  'POST /api/par-index/rounds/:id/deadlines': onlyRoles('provincial_admin'),
  'POST /api/par-index/rounds/:id/lock': officersOnly,
  'POST /api/par-index/rounds/:id/publication': officersOnly,
  'GET /api/par-index/rounds/:id/ranking': officersOnly,
  // Reform programme: staff read; the provincial administrator sets it up; units report, then availableTaskActions decides.
  'GET /api/programme': programmeReaders,
  'GET /api/programme/:id/dashboard': programmeReaders,
  'GET /api/programme/:id/targets': programmeReaders,
  'POST /api/programme/:id/targets': onlyRoles('provincial_admin'),
  'POST /api/programme/targets/:targetId/figures': programmeReporters,
  'GET /api/programme/evidence/:sha256': programmeReaders,
  'POST /api/programme/:id/plans': onlyRoles('provincial_admin'),
  'GET /api/programme/:id/plans/:year': programmeReaders,
  'POST /api/programme/:id/plans/:year/tasks': onlyRoles('provincial_admin'),
  'POST /api/programme/tasks/:taskId/progress-reports': programmeReporters,
  'POST /api/programme/tasks/:taskId/completion-request': programmeReporters,
  'POST /api/programme/tasks/:taskId/approval': programmeReporters,
  'GET /api/programme/:id/reports/reform.xlsx': programmeReaders,
  'GET /api/programme/:id/reports/reform.pdf': programmeReaders,
}

let t: TestApp
let dossier: DossierView
let integrationTokens: { own: string; foreign: string }
const owner = { identityNumber: '056111000001', name: 'Chủ hồ sơ' }

before(async () => {
  t = await createTestApp()
  const citizen = await signedIn(t, { citizen: owner })
  const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  dossier = await runCommand(t, counter, await submitOnline(t, citizen, '0905123456'), 'reception')
  const integration = async (agencyId: string) => {
    const id = randomUUID()
    await t.database.db
      .insertInto('users')
      .values({ id, kind: 'integration', display_name: 'LGSP', created_at: new Date() })
      .execute()
    await t.database.db
      .insertInto('role_grants')
      .values({ user_id: id, role: 'integration', agency_id: agencyId })
      .execute()
    return createApiToken(t.database.db, id, 'LGSP', ['dossiers:read'], new Date())
  }
  integrationTokens = { own: await integration('xa-22333'), foreign: await integration('xa-22366') }
})
after(async () => t.close())

/**
 * One session per caller, made once: signing in hashes a password, and doing it for each of the
 * thousands of requests made this test the slowest of the suite. The auth routes (logout, password)
 * end sessions, so the cache is emptied after each of them.
 */
const sessions = new Map<string, Promise<Record<string, string>>>()
function headersFor(c: Caller): Promise<Record<string, string>> {
  let headers = sessions.get(c.label)
  if (!headers) {
    headers = newSessionFor(c)
    sessions.set(c.label, headers)
  }
  return headers
}

async function newSessionFor(c: Caller): Promise<Record<string, string>> {
  if (c.kind === 'anonymous') return {}
  if (c.kind === 'owner') return signedIn(t, { citizen: owner })
  if (c.kind === 'other-citizen')
    return signedIn(t, { citizen: { identityNumber: '056111000002', name: 'Người khác' } })
  if (c.kind === 'integration')
    return { authorization: `Bearer ${c.own ? integrationTokens.own : integrationTokens.foreign}` }
  return signedIn(t, { grants: [c.grant as Grant] })
}

function requestFor(route: { method: string; url: string }, c: Caller): { url: string; payload?: object } {
  const url = route.url
    .replace(':ref', dossier.id)
    .replace(':code', '1.001193')
    .replace(':sha256', '0'.repeat(64))
    .replace(':form', '01')
    .replace(':year', '2031')
    .replace(':role', workflow.includes(role(c)) ? role(c) : 'counter_officer')
  const command = commandRoutes.find((r) => url.endsWith(`/${r.path}`) && url.includes('/api/dossiers/'))
  if (command) {
    const { action: _a, actor: _b, ...fields } = commandFor[command.action](actors.counter) as Record<string, unknown>
    if ('newAppointmentAt' in fields) fields.newAppointmentAt = '2027-06-01T17:00:00+07:00'
    if ('code' in fields) delete fields.code
    return { url, payload: { expectedVersion: dossier.version, ...fields } }
  }
  const bodies: Record<string, object> = {
    '/api/dossiers': {
      procedureCode: '1.001193',
      ...declarationFor('1.001193'),
      receivingAgencyId: 'ttpvhcc-22333',
      channel: 2,
      applicant: { id: 'x', kind: 'citizen', name: 'x', identityNumber: null, phone: null, email: null, address: null },
      components: [],
    },
    '/api/integration-clients': { name: 'LGSP', agencyId: 'xa-22333', scopes: ['dossiers:read'] },
    '/api/my-notification-preferences': { email: true, sms: false },
    '/api/declaration-drafts/1.001193': { formVersion: 1, data: {}, step: null },
    [`/api/dossiers/${dossier.id}/consultation-letters`]: {
      toAgencyId: 'so-tu-phap',
      subject: 'Lấy ý kiến',
      body: 'Đề nghị cho ý kiến.',
      urgency: 'normal',
      draftingUnit: 'VP',
    },
    [`/api/dossiers/${dossier.id}/reused-components`]: {
      expectedVersion: dossier.version,
      component: 'Tờ khai',
      vaultItemId: randomUUID(),
    },
  }
  return { url, payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : (bodies[url] ?? {}) }
}

/**
 * MATRIX_ROUTES=/api/documents,/api/par-index runs only the routes under those prefixes — for a
 * session checking the routes it added; every route still needs its entry, and CI runs them all.
 */
const prefixes = process.env.MATRIX_ROUTES?.split(',').filter(Boolean) ?? []
if (prefixes.length > 0) console.log(`# authorization matrix: only routes under ${prefixes.join(', ')}`)
const inThisRun = (route: { url: string }) => prefixes.length === 0 || prefixes.some((p) => route.url.startsWith(p))

test(`authorization matrix on ${engineName}: every route × every role × own/foreign agency × own/foreign dossier`, async () => {
  const routes = t.app.guardedRoutes
  assert.ok(routes.length >= 40, `routes found: ${routes.length}`)
  const missing = routes.map((r) => `${r.method} ${r.url}`).filter((key) => !(key in expectations))
  assert.deepEqual(missing, [], 'every route needs an entry in the matrix')
  const failures: string[] = []
  for (const route of routes.filter(inThisRun)) {
    const expect = expectations[`${route.method} ${route.url}`] as (c: Caller) => Expectation
    for (const caller of callers) {
      const request = requestFor(route, caller)
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: request.url,
        headers: {
          ...(await headersFor(caller)),
          'idempotency-key': randomUUID(),
          ...(request.payload ? { 'content-type': 'application/json' } : {}),
        },
        ...(request.payload ? { payload: request.payload } : {}),
      })
      const type = res.headers['content-type']?.toString().includes('problem+json')
        ? (res.json() as { type: string }).type
        : ''
      const denied = [
        'urn:motcua:problem:actorMissing',
        'urn:motcua:problem:forbidden',
        'urn:motcua:problem:csrf',
      ].includes(type)
      if (route.url.startsWith('/api/auth/')) sessions.clear()
      const wanted = expect(caller)
      const ok = wanted === 'allowed' ? !denied : res.statusCode === wanted && denied
      if (!ok)
        failures.push(
          `${route.method} ${route.url} as ${caller.label}: expected ${wanted}, got ${res.statusCode} ${type}`,
        )
    }
  }
  assert.deepEqual(failures, [])
})
