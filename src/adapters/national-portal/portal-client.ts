import { setTimeout as sleep } from 'node:timers/promises'
import { PermanentFailure } from '../../jobs/consumer.ts'
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
  /** Tries per send, the first included (default 5). */
  readonly attempts?: number
  /** Per try (default 10 s). */
  readonly timeoutMs?: number
  /** Wait before the second try; doubled before each next one, up to `maxBackoffMs` (defaults 500 ms, 8 s). */
  readonly backoffMs?: number
  readonly maxBackoffMs?: number
}

/** The portal could not be reached or kept failing: the relay retries the message later. */
export class PortalUnavailable extends Error {}

/** The portal refused our credentials: a configuration problem, not the message's, so it is retried later. */
export class PortalCredentialsRefused extends Error {}

/** A transient failure worth another try now: a timeout, a dropped connection, 5xx, 408 or 429. */
class Transient extends Error {}

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
 * Đồng bộ hồ sơ lên Cổng DVCQG: POSTs the record as JSON. Timeouts, network errors, 5xx, 408 and
 * 429 are retried with exponential backoff; a 4xx refusal is the record's fault and becomes a
 * `PermanentFailure` carrying the portal's message. Retrying is safe: the portal keys records by
 * `MaHoSo` and keeps the highest `PhienBan`, so a try that timed out after the portal stored it
 * is acknowledged again.
 */
export function portalClient(options: PortalClientOptions): PortalClient {
  const url = new URL('/api/hoso/dongbo', options.baseUrl)
  const attempts = options.attempts ?? 5
  const timeoutMs = options.timeoutMs ?? 10_000
  const backoffMs = options.backoffMs ?? 500
  const maxBackoffMs = options.maxBackoffMs ?? 8_000

  async function tryOnce(record: PortalRecord): Promise<PortalReply> {
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey },
        body: JSON.stringify(record),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new Transient(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
    }
    const about = `${record.MaHoSo} v${record.PhienBan}`
    if (response.status >= 500 || retriedStatuses.has(response.status))
      throw new Transient(`HTTP ${response.status} ${await portalMessage(response)}`)
    if (response.status === 401 || response.status === 403)
      throw new PortalCredentialsRefused(`national portal refused the API key (HTTP ${response.status})`)
    if (!response.ok)
      throw new PermanentFailure(
        `national portal refused ${about}: HTTP ${response.status} ${await portalMessage(response)}`,
      )
    const body = (await response.json().catch(() => null)) as { ketQua?: unknown } | null
    if (body?.ketQua === 'thanh_cong' || body?.ketQua === 'bo_qua') return body.ketQua
    throw new Transient(`unexpected answer for ${about}: ${JSON.stringify(body)}`)
  }

  return {
    async send(record) {
      let last = ''
      for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
          return await tryOnce(record)
        } catch (error) {
          if (!(error instanceof Transient)) throw error
          last = error.message
        }
        if (attempt < attempts) await sleep(Math.min(backoffMs * 2 ** (attempt - 1), maxBackoffMs))
      }
      throw new PortalUnavailable(
        `national portal unavailable for ${record.MaHoSo} v${record.PhienBan} after ${attempts} tries: ${last}`,
      )
    },
  }
}
