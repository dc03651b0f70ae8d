import { createHash } from 'node:crypto'
import { PermanentFailure } from '../../domain/delivery/permanent-failure.ts'
import type { PetitionOutcomeRecord, PetitionRefusalReport } from './inbound-petition.ts'
import { PortalUnavailable } from './portal-client.ts'

/** One page of the platform's inbound queue: dossiers as sent (checked by the caller) and the next cursor. */
export type InboundPage = { readonly items: readonly unknown[]; readonly nextCursor: string | null }

/** An attachment as fetched: its bytes, or why it cannot be taken. */
export type FetchedAttachment =
  | { readonly ok: true; readonly bytes: Buffer; readonly sha256: string }
  | { readonly ok: false; readonly reason: 'oversized' | 'outside-platform' | 'not-found' }

/** What motcua tells the platform once a dossier is in: its own id and status 1 (assumed message). */
export type IntakeAcknowledgement = {
  readonly MaHoSoQuocGia: string
  readonly MaHoSoDiaPhuong: string
  readonly TrangThaiHoSo: 1
  readonly NgayTiepNhanHoSo: string
}

/**
 * What motcua tells the platform when it refuses a national dossier (assumed message, to confirm in
 * the integration agreement): the reason's code (`IntakeRefusal`), its text in Vietnamese and in
 * English, and when the intake was refused (`yyyyMMddHHmmss`, Vietnam time).
 */
export type IntakeRefusalReport = {
  readonly MaHoSoQuocGia: string
  readonly MaLyDo: string
  readonly LyDo: string
  readonly LyDoTiengAnh: string
  readonly NgayTuChoi: string
}

export type InboundClient = {
  /** Tells the platform how one of its petitions ended (inbound-petition.ts, assumed record). */
  reportPetition(record: PetitionOutcomeRecord): Promise<void>
  /** The petitions of the platform's feed after `cursor` (null: from the start), at most `limit` (assumed). */
  petitionPage(cursor: string | null, limit: number): Promise<InboundPage>
  /** Tells the platform motcua refused one of its petitions, and why (assumed record). */
  reportPetitionRefusal(report: PetitionRefusalReport): Promise<void>
  /** The dossiers after `cursor` (null: from the start), at most `limit`. */
  page(cursor: string | null, limit: number): Promise<InboundPage>
  /** The attachment at `url`, read up to `maxBytes` and hashed. */
  attachment(url: string, maxBytes: number): Promise<FetchedAttachment>
  /** Tells the platform the dossier was received into motcua. */
  acknowledge(ack: IntakeAcknowledgement): Promise<void>
  /** Tells the platform motcua refused the dossier, and why. */
  reportRefusal(report: IntakeRefusalReport): Promise<void>
}

export type InboundClientOptions = {
  /** The platform's address (PORTAL_BASE_URL); attachments are fetched only from this origin. */
  readonly baseUrl: string
  /** Sent as `X-API-Key` (PORTAL_API_KEY). */
  readonly apiKey: string
  /** One attempt's limit: the caller retries. */
  readonly timeoutMs?: number
}

/**
 * Liên thông hồ sơ từ Cổng DVCQG qua nền tảng NDXP/LGSP (assumed paths, all to confirm in the integration
 * agreement): `GET /api/lienthong/hoso?conTro=…&soLuong=…` answers `{ DanhSach, ConTroTiepTheo }`;
 * an attachment is a `GET` of its `DuongDan`; `POST /api/lienthong/hoso/tiepnhan` acknowledges; `POST /api/lienthong/hoso/{MaHoSoQuocGia}/tuchoi`
 * reports a refusal; `POST /api/lienthong/pakn/ketqua` reports a petition's answer or refusal;
 * `GET /api/lienthong/pakn?conTro=…&soLuong=…` pages the petition feed as the dossiers' queue; `POST
 * /api/lienthong/pakn/{MaPAKNQuocGia}/tuchoi` reports a petition refused before reception. Every
 * call is one attempt: network errors, timeouts, 5xx, 408 and 429 throw `PortalUnavailable` for the
 * caller to retry; another refusal is a `PermanentFailure`.
 */
export function inboundClient(options: InboundClientOptions): InboundClient {
  const base = new URL(options.baseUrl)
  const timeoutMs = options.timeoutMs ?? 10_000
  const headers = { 'x-api-key': options.apiKey }

  async function call(url: URL, init: RequestInit, about: string): Promise<Response> {
    let response: Response
    try {
      response = await fetch(url, {
        ...init,
        headers: { ...headers, ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new PortalUnavailable(
        `platform unavailable for ${about}: ${error instanceof Error ? error.message : error}`,
      )
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      await response.body?.cancel()
      throw new PortalUnavailable(`platform unavailable for ${about}: HTTP ${response.status}`)
    }
    return response
  }

  /** One page of a queue the platform serves as `{ DanhSach, ConTroTiepTheo }` (dossiers, petitions). */
  async function queuePage(path: string, about: string, cursor: string | null, limit: number): Promise<InboundPage> {
    const url = new URL(path, base)
    if (cursor !== null) url.searchParams.set('conTro', cursor)
    url.searchParams.set('soLuong', String(limit))
    const response = await call(url, {}, about)
    if (!response.ok) throw new PermanentFailure(`platform refused ${about}: HTTP ${response.status}`)
    const body = (await response.json().catch(() => null)) as { DanhSach?: unknown; ConTroTiepTheo?: unknown } | null
    if (
      !body ||
      !Array.isArray(body.DanhSach) ||
      !(typeof body.ConTroTiepTheo === 'string' || body.ConTroTiepTheo === null)
    )
      throw new PortalUnavailable(`platform answered ${about} with ${JSON.stringify(body)?.slice(0, 200)}`)
    return { items: body.DanhSach, nextCursor: body.ConTroTiepTheo }
  }
  const page = (cursor: string | null, limit: number) =>
    queuePage('/api/lienthong/hoso', 'the inbound queue', cursor, limit)
  const petitionPage = (cursor: string | null, limit: number) =>
    queuePage('/api/lienthong/pakn', 'the petition feed', cursor, limit)

  async function attachment(link: string, maxBytes: number): Promise<FetchedAttachment> {
    const url = new URL(link)
    if (url.origin !== base.origin) return { ok: false, reason: 'outside-platform' }
    const response = await call(url, {}, link)
    if (response.status === 404 || response.status === 410) return { ok: false, reason: 'not-found' }
    if (!response.ok || !response.body) throw new PortalUnavailable(`platform refused ${link}: HTTP ${response.status}`)
    const declared = Number(response.headers.get('content-length') ?? Number.NaN)
    if (declared > maxBytes) {
      await response.body.cancel()
      return { ok: false, reason: 'oversized' }
    }
    // Hashed as it streams in; copied once, into a buffer of the declared length when there is one.
    const hash = createHash('sha256')
    let whole = Number.isInteger(declared) && declared >= 0 ? Buffer.allocUnsafe(declared) : null
    let chunks: Uint8Array[] = []
    let size = 0
    try {
      for await (const chunk of response.body) {
        if (size + chunk.length > maxBytes) {
          await response.body.cancel().catch(() => {})
          return { ok: false, reason: 'oversized' }
        }
        hash.update(chunk)
        if (whole && size + chunk.length > whole.length) {
          // More than the server declared: gather the chunks instead.
          chunks = [whole.subarray(0, size)]
          whole = null
        }
        if (whole) whole.set(chunk, size)
        else chunks.push(chunk)
        size += chunk.length
      }
    } catch (error) {
      throw new PortalUnavailable(`platform broke off ${link}: ${error instanceof Error ? error.message : error}`)
    }
    const bytes = whole ? whole.subarray(0, size) : Buffer.concat(chunks, size)
    return { ok: true, bytes, sha256: hash.digest('hex') }
  }

  /** One POST of a JSON record the platform answers 2xx to, or refuses for good. */
  async function post(path: string, record: object, about: string): Promise<void> {
    const response = await call(
      new URL(path, base),
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) },
      about,
    )
    const text = await response.text().catch(() => '')
    if (!response.ok)
      throw new PermanentFailure(`platform refused ${about}: HTTP ${response.status} ${text.slice(0, 300)}`)
  }

  const acknowledge = (ack: IntakeAcknowledgement) =>
    post('/api/lienthong/hoso/tiepnhan', ack, `the acknowledgement of ${ack.MaHoSoQuocGia}`)
  const reportRefusal = (report: IntakeRefusalReport) =>
    post(
      `/api/lienthong/hoso/${encodeURIComponent(report.MaHoSoQuocGia)}/tuchoi`,
      report,
      `the refusal of ${report.MaHoSoQuocGia}`,
    )
  const reportPetition = (record: PetitionOutcomeRecord) =>
    post('/api/lienthong/pakn/ketqua', record, `the outcome of petition ${record.MaPAKNQuocGia}`)
  const reportPetitionRefusal = (report: PetitionRefusalReport) =>
    post(
      `/api/lienthong/pakn/${encodeURIComponent(report.MaPAKNQuocGia)}/tuchoi`,
      report,
      `the refusal of petition ${report.MaPAKNQuocGia}`,
    )

  return { page, petitionPage, attachment, acknowledge, reportRefusal, reportPetition, reportPetitionRefusal }
}
