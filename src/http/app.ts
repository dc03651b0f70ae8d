import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import type { InboundClient } from '../adapters/national-portal/inbound-client.ts'
import type { PushCredentials } from '../adapters/national-portal/inbound-signature.ts'
import type { PortalListingClient } from '../adapters/national-portal/portal-listing.ts'
import type { VnpayConfig } from '../adapters/payment/vnpay.ts'
import type { VneidClient } from '../adapters/vneid/oidc-client.ts'
import { issueElectronicResult } from '../app/results/issue-electronic-result.ts'
import { signDigitizedCopies } from '../app/results/sign-digitized-copies.ts'
import type { OnlineEntry } from '../config/config.ts'
import { AgencyNode } from '../domain/catalog/agency-tree.ts'
import { workingDaysFromDatabase } from '../store/calendar/working-days-cache.ts'
import type { Db } from '../store/database.ts'
import { agencyCalendars } from '../store/dossiers/agency-calendars.ts'
import { dossierCommands } from '../store/dossiers/dossier-commands.ts'
import { type GuardedRoute, registerAccessControl } from './auth/access-control.ts'
import { openapiOptions } from './openapi/document.ts'
import { registerOperationChecks } from './openapi/operations.ts'
import { Problem, problem, sendProblem } from './problem.ts'
import { requestValidatorCompiler } from './request-validation.ts'
import { agencyRoutes } from './routes/agencies.ts'
import { authRoutes } from './routes/auth.ts'
import { calendarRoutes } from './routes/calendar.ts'
import { type CatalogueSource, catalogueChangeSetRoutes } from './routes/catalogue-change-sets.ts'
import { declarationDraftRoutes } from './routes/declaration-drafts.ts'
import { declarationPrefillRoutes } from './routes/declaration-prefill.ts'
import { declarationRoutes } from './routes/declarations.ts'
import { documentRoutes } from './routes/documents.ts'
import { dossierDocumentRoutes } from './routes/dossier-documents.ts'
import { dossierRoutes } from './routes/dossiers.ts'
import { defaultFileOptions, type FileOptions, fileRoutes } from './routes/files.ts'
import { formRoutes } from './routes/forms.ts'
import { healthRoutes } from './routes/health.ts'
import { indicatorDetailRoutes } from './routes/indicator-details.ts'
import { indicatorRoutes } from './routes/indicators.ts'
import { integrationRoutes } from './routes/integrations.ts'
import { lookupRoutes } from './routes/lookup.ts'
import { myDossierRoutes } from './routes/my-dossiers.ts'
import { notificationPreferenceRoutes } from './routes/notification-preferences.ts'
import { officeAlertRoutes } from './routes/office-alerts.ts'
import { parIndexRoutes } from './routes/par-index.ts'
import { paymentSimulatorRoutes } from './routes/payment-simulator.ts'
import { paymentRoutes } from './routes/payments.ts'
import { petitionRoutes } from './routes/petitions.ts'
import { portalInboundRoutes } from './routes/portal-inbound.ts'
import { portalReconciliationRoutes } from './routes/portal-reconciliation.ts'
import { procedureRoutes } from './routes/procedures.ts'
import { programmeRoutes } from './routes/programme.ts'
import { programmeReportRoutes } from './routes/programme-reports.ts'
import { programmeTaskRoutes } from './routes/programme-tasks.ts'
import { reportExportRoutes } from './routes/report-exports.ts'
import { statisticsRoutes } from './routes/statistics.ts'
import { surveyRoutes } from './routes/surveys.ts'
import { timeReductionRoutes } from './routes/time-reduction.ts'
import { userRoutes } from './routes/users.ts'
import { vaultRoutes } from './routes/vault.ts'
import { verifyRoutes } from './routes/verify.ts'
import { vneidRoutes } from './routes/vneid.ts'

export type AppOptions = {
  readonly db: Db
  /** Time is passed in, so tests can fix it. */
  readonly now: () => Date
  readonly logger?: boolean | { level: string }
  /** Folder with the built web app; absent in API-only tests. */
  readonly webRoot?: string
  /** Mark session cookies `Secure` (default true; browsers treat http://localhost as secure). */
  readonly secureCookies?: boolean
  /** Offer the labelled demo login (embedded demo only). */
  readonly demoLogin?: boolean
  /** Where uploaded files are stored and how large they may be (default: ./data/files, 20 MiB, 100 MiB per dossier). */
  readonly files?: FileOptions
  /** VNeID sign-in for citizens (OpenID Connect); absent or null when not configured. */
  readonly vneid?: VneidClient | null
  /** Public address of the site, printed in the receipt's QR code (default http://localhost:3000). */
  readonly publicBaseUrl?: string
  /** Online payment through VNPay as configured; absent or null: the simulator in the demo, else none. */
  readonly vnpay?: VnpayConfig | null
  /** Days a declaration draft lives after its last save (MOTCUA_DRAFT_TTL_DAYS, default 30). */
  readonly draftTtlDays?: number
  /** Where citizens submit online (default: motcua's own form, no national portal link). */
  readonly onlineEntry?: OnlineEntry
  /** Dossiers pushed by the national platform (PORTAL_INBOUND_MODE=push); absent or null: the route answers 503. */
  readonly portalInbound?: {
    readonly credentials: PushCredentials
    readonly client: Pick<InboundClient, 'attachment'>
  } | null
  /** Reconciliation with the national portal (PORTAL_BASE_URL); absent or null: runs and re-pulls answer 503. */
  readonly portalReconciliation?: {
    readonly listing: PortalListingClient
    readonly client: Pick<InboundClient, 'attachment'>
  } | null
  /** The national TTHC database's catalogue API (PORTAL_BASE_URL); absent or null: a sync answers 503. */
  readonly catalogueSource?: CatalogueSource | null
}

const webSource = join(import.meta.dirname, '..', '..', 'web')
/** The built app (`npm run build:web`) when there is one, else the source folder. */
export const webRootDefault = existsSync(join(webSource, 'dist', 'index.html')) ? join(webSource, 'dist') : webSource

/** The HTTP application: routes, OpenAPI, problem+json errors. Listening is the caller's business. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === undefined || options.logger === false
        ? false
        : {
            ...(options.logger === true ? {} : options.logger),
            // Never log secrets or personal data: cookies, tokens, passwords.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'body.password'],
            // Query strings may carry one-time codes (OIDC callback) or personal data: log the path only.
            serializers: {
              req: (request: { method: string; url: string; id: string }) => ({
                id: request.id,
                method: request.method,
                path: request.url.split('?')[0],
              }),
            },
          },
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        // The demo is served over plain HTTP on localhost; TLS deployments add it at the proxy.
        'upgrade-insecure-requests': null,
      },
    },
  })
  // The request id travels back, so a citizen or officer can quote it and operators find the log line.
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.setValidatorCompiler(requestValidatorCompiler())
  app.addSchema(Problem)
  app.addSchema(AgencyNode)
  await app.register(swagger, openapiOptions)
  registerOperationChecks(app)
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const errors = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath || ''}${v.params && 'additionalProperty' in v.params ? `/${String(v.params.additionalProperty)}` : ''}`,
        message: v.message ?? 'invalid',
      }))
      return sendProblem(reply, problem('validation', 400, { errors }))
    }
    if (error.statusCode === 429) return sendProblem(reply, problem('rateLimited', 429))
    if (error.statusCode === 413) return sendProblem(reply, problem('payloadTooLarge', 413))
    if (error.statusCode === 415) return sendProblem(reply, problem('unsupportedMediaType', 415))
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return sendProblem(
        reply,
        problem('validation', error.statusCode, { errors: [{ path: '', message: error.message }] }),
      )
    request.log.error({ err: error }, 'unhandled error')
    return sendProblem(reply, problem('internal', 500))
  })
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({ ...problem('rateLimited', 429), statusCode: context.statusCode }),
  })
  const guardedRoutes: GuardedRoute[] = await registerAccessControl(app, options.db, options.now)
  app.decorate('guardedRoutes', guardedRoutes)
  await app.register(authRoutes, {
    db: options.db,
    now: options.now,
    secureCookies: options.secureCookies ?? true,
    demoLogin: options.demoLogin ?? false,
  })
  await app.register(vneidRoutes, {
    db: options.db,
    now: options.now,
    secureCookies: options.secureCookies ?? true,
    client: options.vneid ?? null,
  })
  await app.register(lookupRoutes, { db: options.db })
  await app.register(statisticsRoutes, { db: options.db, now: options.now })
  await app.register(indicatorRoutes, { db: options.db, now: options.now })
  await app.register(indicatorDetailRoutes, { db: options.db, now: options.now })
  await app.register(integrationRoutes, { db: options.db, now: options.now })
  await app.register(reportExportRoutes, { db: options.db, now: options.now })
  await app.register(timeReductionRoutes, { db: options.db, now: options.now })
  await app.register(userRoutes, { db: options.db, now: options.now })
  await app.register(healthRoutes, { db: options.db })
  const onlineEntry = options.onlineEntry ?? { nationalSubmissionUrl: null, localOnlineSubmission: true }
  await app.register(procedureRoutes, { db: options.db, now: options.now, onlineEntry })
  await app.register(agencyRoutes, { db: options.db, now: options.now })
  const workingDays = workingDaysFromDatabase(options.db)
  const engine = dossierCommands(options.db, workingDays)
  const files = options.files ?? defaultFileOptions()
  await app.register(dossierRoutes, {
    db: options.db,
    now: options.now,
    engine,
    localOnlineSubmission: onlineEntry.localOnlineSubmission,
    // The clerk's issue produces the signed e-result, a digitization the signed copy. Both idempotent:
    // a retry after a failure completes them.
    afterCommand: async (action, dossierId) => {
      const issuers = { db: options.db, storage: files.storage, engine }
      // The e-result is an event: the dossier changed, so its view is read again.
      if (action === 'issue') return (await issueElectronicResult(issuers, dossierId, options.now())) !== null
      // The signed copy is a file, not a change of state: the view reads files after this anyway.
      if (action === 'digitize') await signDigitizedCopies(issuers, dossierId, options.now())
      return false
    },
  })
  await app.register(vaultRoutes, { db: options.db, now: options.now, engine })
  await app.register(myDossierRoutes, { db: options.db })
  await app.register(officeAlertRoutes, { db: options.db })
  await app.register(notificationPreferenceRoutes, { db: options.db, now: options.now })
  await app.register(declarationDraftRoutes, { db: options.db, now: options.now, ttlDays: options.draftTtlDays ?? 30 })
  await app.register(declarationPrefillRoutes, { db: options.db, now: options.now })
  await app.register(paymentRoutes, {
    db: options.db,
    now: options.now,
    engine,
    demo: options.demoLogin ?? false,
    publicBaseUrl: options.publicBaseUrl ?? 'http://localhost:3000',
    vnpay: options.vnpay ?? null,
  })
  await app.register(paymentSimulatorRoutes, { enabled: options.demoLogin ?? false })
  await app.register(fileRoutes, { db: options.db, now: options.now, ...files })
  const inbound = options.portalInbound
  await app.register(portalInboundRoutes, {
    inbound: inbound
      ? {
          credentials: inbound.credentials,
          intake: { db: options.db, engine, now: options.now, client: inbound.client, ...files },
          petitions: { db: options.db, now: options.now, calendars: agencyCalendars(options.db, workingDays) },
        }
      : null,
  })
  const reconciliation = options.portalReconciliation
  await app.register(portalReconciliationRoutes, {
    db: options.db,
    now: options.now,
    portal: reconciliation
      ? {
          listing: reconciliation.listing,
          intake: { db: options.db, engine, now: options.now, client: reconciliation.client, ...files },
        }
      : null,
  })
  await app.register(catalogueChangeSetRoutes, {
    db: options.db,
    now: options.now,
    source: options.catalogueSource ?? null,
  })
  await app.register(verifyRoutes, { db: options.db, now: options.now })
  await app.register(declarationRoutes, { db: options.db, now: options.now })
  await app.register(formRoutes, {
    db: options.db,
    now: options.now,
    baseUrl: options.publicBaseUrl ?? 'http://localhost:3000',
  })
  await app.register(petitionRoutes, {
    db: options.db,
    now: options.now,
    calendars: agencyCalendars(options.db, workingDays),
  })
  await app.register(documentRoutes, { db: options.db, now: options.now, engine })
  await app.register(dossierDocumentRoutes, { db: options.db, now: options.now, engine })
  await app.register(surveyRoutes, {
    db: options.db,
    now: options.now,
    publicBaseUrl: options.publicBaseUrl ?? 'http://localhost:3000',
    randomToken: () => randomBytes(32).toString('base64url'),
  })
  await app.register(parIndexRoutes, {
    db: options.db,
    now: options.now,
    storage: files.storage,
    maxEvidenceBytes: Math.min(files.maxFileBytes, 10 * 1024 * 1024),
  })
  const programme = { db: options.db, now: options.now, storage: files.storage, newId: randomUUID }
  await app.register(programmeRoutes, programme)
  await app.register(programmeTaskRoutes, programme)
  await app.register(programmeReportRoutes, programme)
  await app.register(calendarRoutes, {
    db: options.db,
    now: options.now,
    workingDays,
  })
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, () => app.swagger())
  // preCompressed: the build writes .br/.gz copies of each asset (web/vite.config.ts); sent to browsers that accept them.
  if (options.webRoot)
    await app.register(fastifyStatic, { root: options.webRoot, wildcard: false, preCompressed: true })
  app.setNotFoundHandler((request, reply) => {
    if (options.webRoot && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html')
    return sendProblem(reply, problem('notFound', 404))
  })
  return app
}
