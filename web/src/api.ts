import type { Lang } from './i18n/messages.ts'

/** RFC 9457 problem details as the server sends them: Vietnamese first, English beside. */
type Problem = {
  status: number
  title: string
  detail: string
  en?: { title: string; detail: string }
  errors?: { path: string; message: string; en?: string }[]
}

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

type Options = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  body?: unknown
  raw?: Blob
  /** multipart/form-data: the browser sets the content type and boundary. */
  form?: FormData
  headers?: Record<string, string>
}

export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let body: BodyInit | undefined
  if (options.form) {
    body = options.form
  } else if (options.raw) {
    body = options.raw
    headers['content-type'] = options.raw.type || 'application/octet-stream'
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] = 'application/json'
  }
  const res = await fetch(path, { method, headers, body, credentials: 'same-origin' })
  if (!res.ok) {
    const isProblem = (res.headers.get('content-type') ?? '').includes('json')
    throw new ApiError(res.status, isProblem ? ((await res.json().catch(() => null)) as Problem | null) : null)
  }
  if (res.status === 204) return undefined as T
  return (await res.json()) as T
}

/** The message to show for any failure: the server's problem, or a network failure. */
export function errorText(error: unknown, lang: Lang, networkMessage: string): string {
  return error instanceof ApiError ? error.messageIn(lang) : networkMessage
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}
