import { PermanentFailure } from '../../domain/delivery/permanent-failure.ts'

/**
 * The national document exchange axis (Trục liên thông văn bản quốc gia, operated by the Government
 * Office) as motcua assumes it speaks. The real axis is reached through VPCP's SDK (operations
 * sendEdoc, getReceivedEdocList, getEdoc, updateStatus done/fail, getAgenciesList, authenticated by a
 * system id and a secret); its wire protocol is not public, so this REST shape mirrors those
 * operations and every path, header and field below is an ASSUMPTION (rules.md "Document exchange").
 */
export type AxisClient = {
  /** Sends one package; resolves with the axis's id for it. Sending the same `messageId` again returns the same id. */
  send(message: OutgoingAxisMessage): Promise<string>
  /** Messages waiting for us (not yet acknowledged), oldest first. */
  pending(): Promise<readonly PendingAxisMessage[]>
  /** One waiting message's package. */
  fetch(axisId: string): Promise<string>
  /** Tells the axis we took the message (`done`) or could not (`fail`); it then stops listing it. */
  acknowledge(axisId: string, outcome: 'done' | 'fail'): Promise<void>
  /** The axis's directory of connected agencies. */
  agencies(): Promise<readonly AxisAgency[]>
}

export type AxisMessageType = 'edoc' | 'status'

export type OutgoingAxisMessage = {
  /** Our id of the package: the axis de-duplicates by it (assumed), so a retried send is not doubled. */
  readonly messageId: string
  readonly type: AxisMessageType
  /** The sending agency's QCVN 102 code. */
  readonly from: string
  readonly xml: string
}

export type PendingAxisMessage = { readonly axisId: string; readonly type: AxisMessageType; readonly from: string }
export type AxisAgency = { readonly code: string; readonly name: string; readonly parentCode: string | null }

export type AxisClientOptions = {
  /** e.g. https://truc.example.gov.vn — the API lives under `${baseUrl}/vxp/`. */
  readonly baseUrl: string
  /** Mã hệ thống (systemId) and its secret, sent as X-Axis-System-Id and X-Axis-Secret. */
  readonly systemId: string
  readonly secret: string
  /** One attempt's limit; the relay (sending) or the next pull round (receiving) retries. */
  readonly timeoutMs?: number
}

/** The axis could not be reached or failed for now (timeout, network, 5xx, 408, 429): try again later. */
export class AxisUnavailable extends Error {}

const retried = new Set([408, 429])

export function axisClient(options: AxisClientOptions): AxisClient {
  const timeoutMs = options.timeoutMs ?? 10_000
  const auth = { 'x-axis-system-id': options.systemId, 'x-axis-secret': options.secret }

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(`/vxp/${path}`, options.baseUrl)
    let response: Response
    try {
      response = await fetch(url, {
        ...init,
        headers: { ...auth, ...(init.headers as Record<string, string>) },
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new AxisUnavailable(
        `axis unreachable for ${path}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    if (response.ok) return response
    const text = (await response.text().catch(() => '')).slice(0, 500)
    if (response.status >= 500 || retried.has(response.status))
      throw new AxisUnavailable(`axis answered ${response.status} for ${path}: ${text}`)
    // 401/403: our credentials, not the message — retried later, once an operator fixes them.
    if (response.status === 401 || response.status === 403)
      throw new AxisUnavailable(`axis refused our credentials (${response.status}) for ${path}`)
    throw new PermanentFailure(`axis refused ${path} (${response.status}): ${text}`)
  }

  const json = async <T>(response: Response): Promise<T> => {
    try {
      return (await response.json()) as T
    } catch {
      throw new AxisUnavailable('axis answered with a body that is not JSON')
    }
  }

  return {
    async send(m) {
      const response = await call('edocs', {
        method: 'POST',
        headers: {
          'content-type': 'application/xml; charset=utf-8',
          'x-axis-from': m.from,
          'x-axis-message-type': m.type,
          'x-axis-message-id': m.messageId,
        },
        body: m.xml,
      })
      const body = await json<{ docId?: unknown }>(response)
      if (typeof body.docId !== 'string' || body.docId === '')
        throw new AxisUnavailable('axis answered without a docId')
      return body.docId
    },
    async pending() {
      const body = await json<{ items?: { docId: string; messageType: AxisMessageType; from: string }[] }>(
        await call('edocs/received'),
      )
      return (body.items ?? []).map((i) => ({ axisId: i.docId, type: i.messageType, from: i.from }))
    },
    async fetch(axisId) {
      return (await call(`edocs/${encodeURIComponent(axisId)}`)).text()
    },
    async acknowledge(axisId, outcome) {
      await call(`edocs/${encodeURIComponent(axisId)}/status`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: outcome }),
      })
    },
    async agencies() {
      const body = await json<{ agencies?: { code: string; name: string; parentCode?: string | null }[] }>(
        await call('agencies'),
      )
      return (body.agencies ?? []).map((a) => ({ code: a.code, name: a.name, parentCode: a.parentCode ?? null }))
    },
  }
}
