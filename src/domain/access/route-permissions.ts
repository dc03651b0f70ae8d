import type { Actor } from '../dossier/actor.ts'
import type { Dossier } from '../dossier/state.ts'
import { hasRole, type Principal, StaffRole } from './principal.ts'

/**
 * What a route needs before it runs. Every route declares one (the server refuses to start a route
 * without it); finer checks per dossier follow in `canReadDossier` and the dossier guards.
 */
export const Permission = {
  /** Anyone, signed in or not */
  Public: 'public',
  /** Any signed-in principal (own session, own profile) */
  SignedIn: 'signed-in',
  /** Submit online (citizen) or receive a walk-in (counter officer) */
  DossierCreate: 'dossier.create',
  /** Read a dossier: then `canReadDossier` decides which */
  DossierRead: 'dossier.read',
  /** Run a command: then the dossier guards decide (permissions.ts of the dossier domain) */
  DossierCommand: 'dossier.command',
  /** The work queue of one's own role */
  QueueRead: 'queue.read',
  /** Enter or remove a year's holiday decision */
  CalendarManage: 'calendar.manage',
  /** Create accounts and grant roles */
  UsersManage: 'users.manage',
  /** Indicators, rankings, reports and their dossier lists (codes and dates, no applicant data) */
  IndicatorsRead: 'indicators.read',
  /** Change the reform programme's targets */
  IndicatorsManage: 'indicators.manage',
  /** An integration client's own webhook subscriptions */
  WebhooksManage: 'webhooks.manage',
  /** See and re-drive deliveries that gave up (dead letters) */
  OutboxManage: 'outbox.manage',
  /** Reconciliation with the national portal: runs, reports, re-syncs (rules.md). */
  PortalReconcile: 'portal.reconcile',
  /** Review and decide the catalogue's change sets from the national TTHC database */
  CatalogueManage: 'catalogue.manage',
  /** Phản ánh, kiến nghị: the queue of one's agencies */
  PetitionQueue: 'petition.queue',
  /** Read or act on a petition: then the petition's `availableActions` decides */
  PetitionCommand: 'petition.command',
  /** Văn bản: read one's agencies' documents and registers; then the document's agency decides */
  DocumentRead: 'document.read',
  /** Act on a document (chuyên viên, lãnh đạo, văn thư): then the document's `availableActions` decides */
  DocumentCommand: 'document.command',
  /** Chỉ số CCHC: any officer; then the round's `availableActions` and visibility rules decide */
  ParIndex: 'par-index',
  /** Open a year's PAR-index round (provincial administrator) */
  ParIndexManage: 'par-index.manage',
  /** Chương trình CCHC: dashboard, plans and task boards (a unit's staff see their unit's tasks) */
  ProgrammeRead: 'programme.read',
  /** Set the programme's targets, plans and tasks (the Department of Home Affairs, as provincial admin) */
  ProgrammeManage: 'programme.manage',
  /** Report on a task or a target: then the programme's `availableTaskActions` decides */
  ProgrammeTask: 'programme.task',
} as const
export type Permission = (typeof Permission)[keyof typeof Permission]

const workflowRoles = [StaffRole.CounterOfficer, StaffRole.Specialist, StaffRole.Leader, StaffRole.Clerk] as const
/** Who works with official documents: chuyên viên, lãnh đạo, văn thư (Decree 30/2020 Art. 10–24). */
const documentRoles = [StaffRole.Specialist, StaffRole.Leader, StaffRole.Clerk] as const
const programmeReporters = [StaffRole.Specialist, StaffRole.Leader, StaffRole.AgencyAdmin, StaffRole.ProvincialAdmin]
const programmeReaders = [...programmeReporters, StaffRole.Monitor]

/** Whether a principal may call a route needing `permission` at all: 'ok', 'unauthenticated' or 'forbidden'. */
export function routeAccess(p: Principal | null, permission: Permission): 'ok' | 'unauthenticated' | 'forbidden' {
  if (permission === Permission.Public) return 'ok'
  if (p === null) return 'unauthenticated'
  const scoped = (scope: string) => p.kind === 'integration' && p.scopes.includes(scope)
  const allowed: Record<Permission, () => boolean> = {
    public: () => true,
    'signed-in': () => true,
    'dossier.create': () => p.kind === 'citizen' || hasRole(p, StaffRole.CounterOfficer) || scoped('dossiers:write'),
    'dossier.read': () =>
      p.kind === 'citizen' ||
      workflowRoles.some((r) => hasRole(p, r)) ||
      hasRole(p, StaffRole.AgencyAdmin) ||
      hasRole(p, StaffRole.ProvincialAdmin) ||
      scoped('dossiers:read'),
    'dossier.command': () =>
      p.kind === 'citizen' || workflowRoles.some((r) => hasRole(p, r)) || scoped('dossiers:write'),
    'queue.read': () => workflowRoles.some((r) => hasRole(p, r)),
    'calendar.manage': () => hasRole(p, StaffRole.ProvincialAdmin),
    'users.manage': () => hasRole(p, StaffRole.AgencyAdmin) || hasRole(p, StaffRole.ProvincialAdmin),
    'indicators.read': () =>
      [StaffRole.Monitor, StaffRole.ProvincialAdmin, StaffRole.Leader, StaffRole.AgencyAdmin].some((r) =>
        hasRole(p, r),
      ),
    'indicators.manage': () => hasRole(p, StaffRole.ProvincialAdmin),
    'webhooks.manage': () => scoped('dossiers:read') || scoped('dossiers:write'),
    'outbox.manage': () => hasRole(p, StaffRole.ProvincialAdmin),
    'portal.reconcile': () => hasRole(p, StaffRole.ProvincialAdmin),
    'catalogue.manage': () => hasRole(p, StaffRole.ProvincialAdmin),
    'petition.queue': () => workflowRoles.some((r) => hasRole(p, r)),
    'petition.command': () => p.kind === 'citizen' || workflowRoles.some((r) => hasRole(p, r)),
    'par-index': () => p.kind === 'officer' && p.grants.length > 0,
    'par-index.manage': () => hasRole(p, StaffRole.ProvincialAdmin),
    'document.read': () => documentRoles.some((r) => hasRole(p, r)),
    'document.command': () => documentRoles.some((r) => hasRole(p, r)),
    'programme.read': () => programmeReaders.some((r) => hasRole(p, r)),
    'programme.manage': () => hasRole(p, StaffRole.ProvincialAdmin),
    'programme.task': () => programmeReporters.some((r) => hasRole(p, r)),
  }
  return allowed[permission]() ? 'ok' : 'forbidden'
}

/** Agencies a dossier touches: receiving, processing, holding now, or any step of its control sheet. */
const agenciesOf = (d: Dossier) =>
  new Set([d.receivingAgencyId, d.processingAgencyId, d.holderAgencyId, ...d.steps.map((s) => s.agencyId)])

/**
 * A citizen sees their own dossiers (by account, or by the identity number VNeID vouched for); staff
 * and integration clients see the dossiers of their agencies; a provincial administrator sees all.
 */
export function canReadDossier(p: Principal, d: Dossier): boolean {
  if (p.kind === 'citizen')
    return (
      d.applicant.id === p.userId ||
      (p.vneid && p.identityNumber !== null && d.applicant.identityNumber === p.identityNumber)
    )
  if (p.kind === 'integration' && !p.scopes.includes('dossiers:read') && !p.scopes.includes('dossiers:write'))
    return false
  if (p.grants.some((g) => g.role === StaffRole.ProvincialAdmin)) return true
  const touched = agenciesOf(d)
  return p.grants.some((g) => g.role !== StaffRole.Monitor && touched.has(g.agencyId))
}

/**
 * The actors a principal may act as on a dossier: the applicant for its citizen, each workflow role
 * at each granted agency for staff. A command runs as the first actor its guard allows.
 */
export function actorsFor(p: Principal, d: Dossier | null): Actor[] {
  if (p.kind === 'citizen') {
    if (d !== null && !canReadDossier(p, d)) return []
    return [{ id: d?.applicant.id ?? p.userId, name: p.name, role: 'applicant', agencyId: null }]
  }
  if (p.kind === 'integration' && !p.scopes.includes('dossiers:write')) return []
  return p.grants
    .filter((g) => (workflowRoles as readonly string[]).includes(g.role))
    .map((g) => ({ id: p.userId, name: p.name, role: g.role as Actor['role'], agencyId: g.agencyId }))
}
