import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type CloudEventV1, HTTP } from 'cloudevents'
import { Webhook } from 'standardwebhooks'

/** One webhook request as the receiver saw it. */
export type ReceivedWebhook = {
  /** The `webhook-id` header. */
  readonly id: string
  readonly dossierId: string
  readonly seq: number
  readonly topic: string
  /** The CloudEvent's `source`: tells which server process sent it (PUBLIC_BASE_URL). */
  readonly source: string
  readonly at: number
  readonly status: number
  /** Whether the official Standard Webhooks library accepted the signature (and the timestamp). */
  readonly signatureOk: boolean
  /** The delivery as the CloudEvents SDK parsed it, or null when it is not a valid CloudEvent. */
  readonly event: CloudEventV1<{ dossierId?: string; seq?: number }> | null
  readonly headers: Record<string, string>
  readonly body: string
}

/** True when the official library verifies the delivery with `secret`: the check every partner runs. */
export function verifiedByStandardWebhooks(secret: string, body: string, headers: Record<string, string>): boolean {
  try {
    new Webhook(secret).verify(body, headers)
    return true
  } catch {
    return false
  }
}

/** The delivery parsed by the CloudEvents SDK (structured mode), or null when the SDK refuses it. */
function cloudEventOf(headers: Record<string, string>, body: string): ReceivedWebhook['event'] {
  try {
    const event = HTTP.toEvent<{ dossierId?: string; seq?: number }>({ headers, body })
    return Array.isArray(event) ? null : event
  } catch {
    return null
  }
}

/**
 * An integration partner's endpoint on 127.0.0.1, built only on the official `standardwebhooks` and
 * `cloudevents` packages, that de-duplicates by `webhook-id`, as a partner of an at-least-once relay must: `processed` holds each id's first accepted delivery, in arrival order;
 * a repeated id is counted in `duplicates` and otherwise ignored. `unavailable` makes it answer 503.
 */
export type WebhookReceiver = {
  readonly url: string
  /** Every request, accepted or not, in arrival order. */
  readonly requests: ReceivedWebhook[]
  /** First accepted (2xx) delivery of each id, in arrival order: the de-duplicated stream. */
  readonly processed: ReceivedWebhook[]
  /** Accepted deliveries of an id already processed. */
  readonly duplicates: ReceivedWebhook[]
  unavailable: boolean
  /** The subscription secret deliveries are verified with (settable: a subscription is made after the URL). */
  secret: string
  /** Time of the last request (ms since epoch), 0 before any. */
  lastRequestAt(): number
  /** Resolves once no request has come for `quietMs` (polling), or throws after `timeoutMs`. */
  quiet(quietMs: number, timeoutMs: number): Promise<void>
  close(): Promise<void>
}

export async function startWebhookReceiver(secret = ''): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = []
  const processed: ReceivedWebhook[] = []
  const duplicates: ReceivedWebhook[] = []
  const seen = new Set<string>()
  let last = 0
  const state = { unavailable: false, secret }
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    last = Date.now()
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
    const id = headers['webhook-id'] ?? ''
    const event = cloudEventOf(headers, body)
    const status = state.unavailable ? 503 : 204
    const r: ReceivedWebhook = {
      id,
      dossierId: String(event?.data?.dossierId ?? ''),
      seq: Number(event?.data?.seq),
      topic: String(event?.type ?? '').replace(/^vn\.motcua\./, ''),
      source: String(event?.source ?? ''),
      at: last,
      status,
      signatureOk: verifiedByStandardWebhooks(state.secret, body, headers),
      event,
      headers,
      body,
    }
    requests.push(r)
    if (status === 204) {
      if (seen.has(id)) duplicates.push(r)
      else {
        seen.add(id)
        processed.push(r)
      }
    }
    res.writeHead(status).end()
  })
  server.keepAliveTimeout = 1_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/motcua`,
    requests,
    processed,
    duplicates,
    get unavailable() {
      return state.unavailable
    },
    set unavailable(value: boolean) {
      state.unavailable = value
    },
    get secret() {
      return state.secret
    },
    set secret(value: string) {
      state.secret = value
    },
    lastRequestAt: () => last,
    async quiet(quietMs, timeoutMs) {
      // Quiet since the wait began or the last request, whichever is later: a receiver that was sent
      // nothing at all (a demo seed with no dossier of the partner's agency) is quiet too.
      const since = Date.now()
      const deadline = since + timeoutMs
      while (Date.now() < deadline) {
        if (Date.now() - Math.max(last, since) >= quietMs) return
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`the receiver was not quiet for ${quietMs} ms within ${timeoutMs} ms`)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
