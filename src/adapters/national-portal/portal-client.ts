import { PermanentFailure } from '../../domain/delivery/permanent-failure.ts'
import type { PortalRecord } from './portal-record.ts'

/**
 * The portal's answer to an accepted sync: `thanh_cong` it stored the record (or already had this
 * very version), `bo_qua` it already holds a newer version and ignored this one. Both acknowledge.
 */
export type PortalReply = 'thanh_cong' | 'bo_qua'

export type PortalClient = {
  /** Sends one record; resolves once the portal acknowledged it. */
  send(record: PortalRecord): Promise<PortalReply>
}

export type PortalClientOptions = {
  /** e.g. `https://dichvucong.gov.vn` — the sync endpoint is `${baseUrl}/api/hoso/dongbo`. */
  readonly baseUrl: string
  /** Sent as the `X-API-Key` header (an assumption, like the field names: see portal-record.ts). */
  readonly apiKey: string
  /** The one attempt's limit (default 10 s): the relay retries, not the client. */
  readonly timeoutMs?: number
}

/** The portal could not be reached or failed for now (timeout, network, 5xx, 408, 429): the relay retries later. */
export class PortalUnavailable extends Error {}

/** The portal refused our credentials: a configuration problem, not the message's, so it is retried later. */
export class PortalCredentialsRefused extends Error {}

const retriedStatuses = new Set([408, 429])

async function portalMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '')
  try {
    const body = JSON.parse(text) as { thongBao?: unknown }
    if (typeof body.thongBao === 'string') return body.thongBao
  } catch {}
  return text.slice(0, 500) || response.statusText
}

/**
 * Đồng bộ hồ sơ lên Cổng DVCQG: POSTs the record as JSON, one attempt a send. Timeouts, network
 * errors, 5xx, 408 and 429 throw `PortalUnavailable` for the relay to retry with its backoff; a 4xx
 * refusal is the record's fault and becomes a `PermanentFailure` carrying the portal's message.
 * Retrying is safe: the portal keys records by `MaHoSo` and keeps the highest `PhienBan`, so an
 * attempt that timed out after the portal stored it is acknowledged again.
 */
export function portalClient(options: PortalClientOptions): PortalClient {
  const url = new URL('/api/hoso/dongbo', options.baseUrl)
  const timeoutMs = options.timeoutMs ?? 10_000

  async function send(record: PortalRecord): Promise<PortalReply> {
    const about = `${record.MaHoSo} v${record.PhienBan}`
    const unavailable = (why: string) => new PortalUnavailable(`national portal unavailable for ${about}: ${why}`)
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey },
        body: JSON.stringify(record),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw unavailable(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
    }
    if (response.status >= 500 || retriedStatuses.has(response.status))
      throw unavailable(`HTTP ${response.status} ${await portalMessage(response)}`)
    if (response.status === 401 || response.status === 403)
      throw new PortalCredentialsRefused(`national portal refused the API key (HTTP ${response.status})`)
    if (!response.ok)
      throw new PermanentFailure(
        `national portal refused ${about}: HTTP ${response.status} ${await portalMessage(response)}`,
      )
    const body = (await response.json().catch(() => null)) as { ketQua?: unknown } | null
    if (body?.ketQua === 'thanh_cong' || body?.ketQua === 'bo_qua') return body.ketQua
    throw unavailable(`unexpected answer: ${JSON.stringify(body)}`)
  }

  return { send }
}
