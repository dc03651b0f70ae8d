import { type Static, Type } from 'typebox'
import { Compile } from 'typebox/compile'
import { PermanentFailure } from '../../domain/delivery/permanent-failure.ts'
import type { PortalDossier } from '../../domain/portal/reconciliation.ts'
import { PortalUnavailable } from './portal-client.ts'

/**
 * Hồ sơ trong danh sách của Cổng DVCQG: one entry of the portal's list of the province's dossiers.
 * The list is not published: every name and format here is an **assumption** for the integration
 * agreement to confirm (rules.md "Reconciliation with the national portal"), `MaTTHC` aside (766).
 */
export const ListedDossier = Type.Object({
  MaHoSo: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
  MaHoSoQuocGia: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
  MaTTHC: Type.String({ maxLength: 100 }),
  TrangThaiHoSo: Type.Integer({ minimum: 1, maximum: 10 }),
  NgayCapNhat: Type.String({ pattern: '^\\d{14}$' }),
})
export type ListedDossier = Static<typeof ListedDossier>

const ListingPage = Type.Object({
  DanhSach: Type.Array(ListedDossier),
  TrangTiepTheo: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
})
const pageCheck = Compile(ListingPage)

/** A window of Vietnam-local days, both included (`yyyy-mm-dd`). */
export type ListingWindow = { readonly from: string; readonly to: string }

export type PortalListingClient = {
  /** Every dossier the portal lists for the window, page after page. */
  list(window: ListingWindow): Promise<PortalDossier[]>
  /** The national dossier `MaHoSoQuocGia` as the inbound queue carries it, or null if the platform has none. */
  nationalDossier(nationalId: string): Promise<unknown | null>
}

export type PortalListingOptions = {
  readonly baseUrl: string
  readonly apiKey: string
  readonly timeoutMs?: number
  /** Pages at most, so a portal that never ends its list cannot hold a run forever. */
  readonly maxPages?: number
}

const compactDay = (day: string) => day.replaceAll('-', '')

/**
 * Danh sách hồ sơ của tỉnh trên Cổng DVCQG (assumed paths, to confirm in the integration agreement):
 * `GET /api/dvc/hoso?tuNgay=yyyyMMdd&denNgay=yyyyMMdd&trang=n` lists the dossiers submitted
 * (`NgayNopHoSo`) on those Vietnam-local days as `{ DanhSach, TrangTiepTheo }`, `TrangTiepTheo` null
 * on the last page; `GET /api/lienthong/hoso/{MaHoSoQuocGia}` answers one national dossier as the
 * inbound queue carries it (404: none). Each request is one attempt: network errors, timeouts, 5xx,
 * 408 and 429 throw `PortalUnavailable`, other refusals and malformed pages a `PermanentFailure`.
 */
export function portalListingClient(options: PortalListingOptions): PortalListingClient {
  const timeoutMs = options.timeoutMs ?? 10_000
  const maxPages = options.maxPages ?? 1000

  async function get(url: URL, about: string): Promise<Response> {
    let response: Response
    try {
      response = await fetch(url, { headers: { 'x-api-key': options.apiKey }, signal: AbortSignal.timeout(timeoutMs) })
    } catch (error) {
      throw new PortalUnavailable(
        `national portal unavailable for ${about}: ${error instanceof Error ? error.message : error}`,
      )
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      await response.body?.cancel()
      throw new PortalUnavailable(`national portal unavailable for ${about}: HTTP ${response.status}`)
    }
    return response
  }

  async function list(window: ListingWindow): Promise<PortalDossier[]> {
    const found: PortalDossier[] = []
    let page: number | null = 1
    for (let pages = 0; page !== null; pages++) {
      if (pages === maxPages) throw new PermanentFailure(`national portal listed more than ${maxPages} pages`)
      const url = new URL('/api/dvc/hoso', options.baseUrl)
      url.searchParams.set('tuNgay', compactDay(window.from))
      url.searchParams.set('denNgay', compactDay(window.to))
      url.searchParams.set('trang', String(page))
      const about = `the dossier list, page ${page}`
      const response = await get(url, about)
      if (!response.ok) throw new PermanentFailure(`national portal refused ${about}: HTTP ${response.status}`)
      const body: unknown = await response.json().catch(() => null)
      if (!pageCheck.Check(body))
        throw new PermanentFailure(`national portal answered ${about} with ${JSON.stringify(body)?.slice(0, 200)}`)
      for (const d of body.DanhSach)
        found.push({
          code: d.MaHoSo ?? null,
          nationalId: d.MaHoSoQuocGia ?? null,
          procedureCode: d.MaTTHC,
          status: d.TrangThaiHoSo,
          updatedAt: d.NgayCapNhat,
        })
      if (body.TrangTiepTheo !== null && body.TrangTiepTheo <= page)
        throw new PermanentFailure(`national portal's next page ${body.TrangTiepTheo} does not follow page ${page}`)
      page = body.TrangTiepTheo
    }
    return found
  }

  async function nationalDossier(nationalId: string): Promise<unknown | null> {
    const about = `national dossier ${nationalId}`
    const response = await get(new URL(`/api/lienthong/hoso/${encodeURIComponent(nationalId)}`, options.baseUrl), about)
    if (response.status === 404) return null
    if (!response.ok) throw new PermanentFailure(`national portal refused ${about}: HTTP ${response.status}`)
    return response.json().catch(() => {
      throw new PermanentFailure(`national portal answered ${about} with no JSON`)
    })
  }

  return { list, nationalDossier }
}
