import createClient, { type Middleware } from 'openapi-fetch'
import type { Lang } from '../i18n/messages.ts'
import type { components, paths } from './schema.gen.ts'

/** RFC 9457 problem details as the server sends them: Vietnamese first, English beside. */
type Problem = components['schemas']['Problem']

/** A failed request, with the server's explanation in both languages. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null
  constructor(status: number, problem: Problem | null) {
    super(problem?.title ?? `HTTP ${status}`)
    this.status = status
    this.problem = problem
  }

  messageIn(lang: Lang): string {
    const p = this.problem
    if (!p) return this.message
    const title = lang === 'en' && p.en ? p.en.title : p.title
    const detail = lang === 'en' && p.en ? p.en.detail : p.detail
    const fields = (p.errors ?? []).map((e) => (lang === 'en' && e.en ? e.en : e.message)).filter(Boolean)
    return [title, detail, ...fields].filter(Boolean).join(' — ')
  }
}

let csrfToken: string | null = null

/** Remember the token the session gave; every request that changes data sends it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken)
    return request
  },
}

/** The typed client of the server's API: paths, parameters and bodies come from its OpenAPI document. */
export const client = createClient<paths>({ credentials: 'same-origin', headers: { accept: 'application/json' } })
client.use(csrf)

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && 'title' in body && 'status' in body

/** The answer's data, or an ApiError carrying the server's problem (a network failure throws as fetch does). */
export async function ok<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const { data, error, response } = await pending
  if (!response.ok) throw new ApiError(response.status, isProblem(error) ? error : null)
  return data as D
}

/** Multipart and raw bodies go to fetch as they are: the browser sets the content type (and boundary). */
export const asIs = { bodySerializer: (body: unknown) => body as BodyInit }

/** The message to show for any failure: the server's problem, or a network failure. */
export function errorText(error: unknown, lang: Lang, networkMessage: string): string {
  return error instanceof ApiError ? error.messageIn(lang) : networkMessage
}

/** A new Idempotency-Key: one per attempt, so a retry after a lost answer does not run a command twice. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}
