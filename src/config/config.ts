import { Value } from 'typebox/value'
import { Environment, type VariableName, type VariableSchema, variableNames, variableSchema } from './environment.ts'
import { relations } from './relations.ts'

export type LogLevel = Environment['LOG_LEVEL']

/**
 * Since 1 July 2025 the National Public Service Portal is the single online entry (Decree
 * 118/2025/NĐ-CP); a province may keep its own online form beside it or hand over entirely.
 */
export type OnlineEntry = {
  /** The national portal's submission page, `{code}` standing for the procedure's code; null when not set. */
  readonly nationalSubmissionUrl: string | null
  /** Whether citizens may submit online on motcua's own form (counter-assisted submission stays either way). */
  readonly localOnlineSubmission: boolean
}

/** motcua's configuration, validated once at start-up and passed to whoever needs a part of it. */
export type Config = {
  readonly database: { readonly url: string | null; readonly poolMax: number }
  readonly http: {
    readonly port: number
    readonly host: string
    readonly logLevel: LogLevel
    readonly publicBaseUrl: string
  }
  /** The labelled demo login and payment simulator (MOTCUA_DEMO; by default on for embedded PGlite only). */
  readonly demo: boolean
  readonly relay: { readonly intervalMs: number; readonly maxAttempts: number; readonly leaseMs: number }
  /** The deadline watcher in `serve` (MOTCUA_DEADLINE_WATCH…): one server at a time holds its lease. */
  readonly deadlineWatch: { readonly enabled: boolean; readonly intervalMs: number; readonly leaseMs: number }
  /** One attempt's timeout for every partner call the relay makes; always below `relay.leaseMs`. */
  readonly partnerTimeoutMs: number
  /** Days a citizen's declaration draft lives after its last save (MOTCUA_DRAFT_TTL_DAYS). */
  readonly draftTtlDays: number
  readonly portal: { readonly baseUrl: string; readonly apiKey: string } | null
  /** The daily reconciliation report with the portal (MOTCUA_PORTAL_RECONCILE…), at this local minute of the day. */
  readonly portalReconcile: { readonly enabled: boolean; readonly atMinute: number }
  /** Where citizens submit online: the national portal's page (when set) and/or the province's own form. */
  readonly onlineEntry: OnlineEntry
  /** Dossiers from the national portal (PORTAL_INBOUND_MODE): pushed with these credentials, or pulled. */
  readonly portalInbound:
    | { readonly mode: 'push'; readonly apiKey: string; readonly secret: string; readonly intervalMs: number }
    | { readonly mode: 'pull'; readonly intervalMs: number }
    | null
  /**
   * The national document exchange axis (DOCUMENT_AXIS_…), all or nothing: its address and our
   * system's credentials, our connection point, the PEM files of the key and certificate signing
   * every edXML package, the pull interval and the directory's refresh period.
   */
  readonly documentAxis: {
    readonly baseUrl: string
    readonly systemId: string
    readonly secret: string
    readonly connectionPoint: { readonly organId: string; readonly name: string }
    readonly signing: { readonly keyFile: string; readonly certificateFile: string }
    readonly pullIntervalMs: number
    /** DOCUMENT_AXIS_DIRECTORY_REFRESH_HOURS: the agency directory is fetched once per this period. */
    readonly directoryRefreshHours: number
  } | null
  readonly mail: { readonly url: string; readonly from: string } | null
  readonly sms: { readonly url: string; readonly apiKey: string; readonly brandname: string } | null
  readonly vnpay: {
    readonly tmnCode: string
    readonly hashSecret: string
    readonly payUrl: string
    readonly apiUrl: string
  } | null
  readonly refundOnWithdrawal: boolean
  readonly vneid: {
    readonly issuer: string
    readonly clientId: string
    readonly clientSecret: string
    readonly redirectUri: string
    readonly scope?: string
    readonly identityClaim?: string
  } | null
  readonly s3: {
    readonly bucket: string
    readonly endpoint?: string
    readonly region: string
    readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string }
    readonly forcePathStyle: boolean
    readonly prefix?: string
  } | null
}

/** Every problem of the environment at once, each naming its variable (Vietnamese, then English). */
export class ConfigError extends Error {
  readonly problems: readonly string[]
  constructor(problems: readonly string[]) {
    super(
      `cấu hình môi trường không hợp lệ / invalid environment configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    )
    this.problems = problems
  }
}

/** The string as the schema's type: digits to an integer, true/false to a boolean; anything else stays text. */
function parse(schema: VariableSchema, raw: string): unknown {
  if (schema.type === 'integer') return /^[0-9]+$/.test(raw) ? Number(raw) : raw
  if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw
  return raw
}

function problemOf(name: VariableName, schema: VariableSchema, raw: string): string {
  const got = schema.secret ? `got a secret value of ${raw.length} characters (not shown)` : `got "${raw}"`
  return `${name}: ${schema.expected.vi} / ${schema.expected.en}, ${got}`
}

/**
 * Reads, checks and types the environment: every declared variable against its schema (an empty one
 * counts as unset), then the relations between them. Throws a ConfigError listing every problem.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const given: Record<string, unknown> = {}
  const problems: string[] = []
  for (const name of variableNames) {
    const raw = env[name]
    if (raw === undefined || raw === '') continue
    const schema = variableSchema(name)
    const value = parse(schema, raw)
    if (Value.Check(schema, value)) given[name] = value
    else problems.push(problemOf(name, schema, raw))
  }
  const resolved = Value.Default(Environment, structuredClone(given)) as Environment
  problems.push(...relations.flatMap((check) => check(given, resolved)))
  if (problems.length > 0) throw new ConfigError(problems)
  return deepFreeze(configOf(resolved))
}

function configOf(e: Environment): Config {
  const databaseUrl = e.DATABASE_URL ?? null
  return {
    database: { url: databaseUrl, poolMax: e.PG_POOL_MAX },
    http: { port: e.PORT, host: e.HOST, logLevel: e.LOG_LEVEL, publicBaseUrl: e.PUBLIC_BASE_URL },
    demo: e.MOTCUA_DEMO === undefined ? databaseUrl === null : e.MOTCUA_DEMO === '1',
    relay: {
      intervalMs: e.MOTCUA_RELAY_INTERVAL_MS,
      maxAttempts: e.MOTCUA_RELAY_MAX_ATTEMPTS,
      leaseMs: e.MOTCUA_RELAY_LEASE_MS,
    },
    deadlineWatch: {
      enabled: e.MOTCUA_DEADLINE_WATCH,
      intervalMs: e.MOTCUA_DEADLINE_WATCH_INTERVAL_MS,
      leaseMs: e.MOTCUA_DEADLINE_WATCH_LEASE_MS,
    },
    partnerTimeoutMs: e.MOTCUA_PARTNER_TIMEOUT_MS,
    draftTtlDays: e.MOTCUA_DRAFT_TTL_DAYS,
    portal: e.PORTAL_BASE_URL && e.PORTAL_API_KEY ? { baseUrl: e.PORTAL_BASE_URL, apiKey: e.PORTAL_API_KEY } : null,
    portalReconcile: {
      enabled: e.MOTCUA_PORTAL_RECONCILE === 'on',
      atMinute: Number(e.MOTCUA_PORTAL_RECONCILE_AT.slice(0, 2)) * 60 + Number(e.MOTCUA_PORTAL_RECONCILE_AT.slice(3)),
    },
    onlineEntry: {
      nationalSubmissionUrl: e.PORTAL_SUBMISSION_URL ?? null,
      localOnlineSubmission: e.MOTCUA_LOCAL_ONLINE_SUBMISSION,
    },
    portalInbound:
      e.PORTAL_INBOUND_MODE === 'pull'
        ? { mode: 'pull', intervalMs: e.PORTAL_INBOUND_PULL_INTERVAL_MS }
        : e.PORTAL_INBOUND_MODE === 'push' && e.PORTAL_INBOUND_API_KEY && e.PORTAL_INBOUND_SECRET
          ? {
              mode: 'push',
              apiKey: e.PORTAL_INBOUND_API_KEY,
              secret: e.PORTAL_INBOUND_SECRET,
              intervalMs: e.PORTAL_INBOUND_PULL_INTERVAL_MS,
            }
          : null,
    documentAxis: documentAxisOf(e),
    mail: e.SMTP_URL && e.MAIL_FROM ? { url: e.SMTP_URL, from: e.MAIL_FROM } : null,
    sms:
      e.SMS_GATEWAY_URL && e.SMS_API_KEY
        ? { url: e.SMS_GATEWAY_URL, apiKey: e.SMS_API_KEY, brandname: e.SMS_BRANDNAME }
        : null,
    vnpay:
      e.VNPAY_TMN_CODE && e.VNPAY_HASH_SECRET && e.VNPAY_PAY_URL
        ? {
            tmnCode: e.VNPAY_TMN_CODE,
            hashSecret: e.VNPAY_HASH_SECRET,
            payUrl: e.VNPAY_PAY_URL,
            apiUrl: e.VNPAY_API_URL,
          }
        : null,
    refundOnWithdrawal: e.PAYMENT_REFUND_ON_WITHDRAWAL,
    vneid:
      e.VNEID_ISSUER && e.VNEID_CLIENT_ID && e.VNEID_CLIENT_SECRET && e.VNEID_REDIRECT_URI
        ? {
            issuer: e.VNEID_ISSUER,
            clientId: e.VNEID_CLIENT_ID,
            clientSecret: e.VNEID_CLIENT_SECRET,
            redirectUri: e.VNEID_REDIRECT_URI,
            ...(e.VNEID_SCOPE ? { scope: e.VNEID_SCOPE } : {}),
            ...(e.VNEID_IDENTITY_CLAIM ? { identityClaim: e.VNEID_IDENTITY_CLAIM } : {}),
          }
        : null,
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          region: e.S3_REGION ?? e.AWS_REGION ?? 'us-east-1',
          ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
          ...(e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY
            ? { credentials: { accessKeyId: e.AWS_ACCESS_KEY_ID, secretAccessKey: e.AWS_SECRET_ACCESS_KEY } }
            : {}),
          // An S3-compatible store (MinIO, Ceph) usually wants path-style addressing; AWS itself does not.
          forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === '1' : e.S3_ENDPOINT !== undefined,
          ...(e.S3_PREFIX ? { prefix: e.S3_PREFIX } : {}),
        }
      : null,
  }
}

function documentAxisOf(e: Environment): Config['documentAxis'] {
  const { DOCUMENT_AXIS_BASE_URL: baseUrl, DOCUMENT_AXIS_SYSTEM_ID: systemId, DOCUMENT_AXIS_SECRET: secret } = e
  const { DOCUMENT_AXIS_AGENCY_CODE: organId, DOCUMENT_AXIS_AGENCY_NAME: name } = e
  const { DOCUMENT_AXIS_SIGNING_KEY_FILE: keyFile, DOCUMENT_AXIS_SIGNING_CERTIFICATE_FILE: certificateFile } = e
  if (!(baseUrl && systemId && secret && organId && name && keyFile && certificateFile)) return null
  return {
    baseUrl,
    systemId,
    secret,
    connectionPoint: { organId, name },
    signing: { keyFile, certificateFile },
    pullIntervalMs: e.DOCUMENT_AXIS_PULL_INTERVAL_MS,
    directoryRefreshHours: e.DOCUMENT_AXIS_DIRECTORY_REFRESH_HOURS,
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
