import type { NationalProcedure } from '../../domain/catalog/national-procedure.ts'
import { type BadRecord, cataloguePath, pageCheck, pageQuery, readRecord } from './catalogue-record.ts'

/** One page as motcua reads it: the records it could read, those it could not, and what follows. */
export type CataloguePage = {
  readonly procedures: readonly NationalProcedure[]
  readonly bad: readonly BadRecord[]
  readonly total: number
  readonly nextPage: number | null
}

export type CatalogueClient = {
  /** One attempt at one page (1-based) of the procedures changed since `since` (all when null). */
  page(page: number, since: string | null): Promise<CataloguePage>
}

export type CatalogueClientOptions = {
  /** The national database's base URL, e.g. `https://csdl.dichvucong.gov.vn` (assumed). */
  readonly baseUrl: string
  /** Sent as `X-API-Key`, like the portal's sync (assumed). */
  readonly apiKey: string
  readonly pageSize?: number
  readonly timeoutMs?: number
}

/** The national database could not answer for now (network, timeout, 5xx, 408, 429): try again later. */
export class CatalogueUnavailable extends Error {}
/** It answered something motcua cannot read as a page, or refused the request (4xx). */
export class CatalogueRefused extends Error {}

/**
 * Danh mục TTHC từ CSDL quốc gia: reads one page, one attempt (the use case decides on retrying).
 * Records are checked one by one, so a malformed record is reported and the others still count.
 */
export function catalogueClient(options: CatalogueClientOptions): CatalogueClient {
  const size = options.pageSize ?? 100
  const timeoutMs = options.timeoutMs ?? 10_000
  return {
    async page(page, since) {
      const url = new URL(cataloguePath, options.baseUrl)
      for (const [k, v] of Object.entries(pageQuery(page, size, since))) url.searchParams.set(k, v)
      let response: Response
      try {
        response = await fetch(url, {
          headers: { 'x-api-key': options.apiKey },
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (error) {
        throw new CatalogueUnavailable(
          `national TTHC database unreachable: ${error instanceof Error ? error.message : error}`,
        )
      }
      if (response.status >= 500 || response.status === 408 || response.status === 429)
        throw new CatalogueUnavailable(`national TTHC database answered HTTP ${response.status} for page ${page}`)
      if (!response.ok)
        throw new CatalogueRefused(`national TTHC database refused page ${page}: HTTP ${response.status}`)
      const body: unknown = await response.json().catch(() => null)
      if (!pageCheck.Check(body)) throw new CatalogueRefused(`page ${page} is not a catalogue page`)
      const procedures: NationalProcedure[] = []
      const bad: BadRecord[] = []
      for (const raw of body.DanhSach) {
        const read = readRecord(raw)
        if ('reason' in read) bad.push(read)
        else procedures.push(read)
      }
      return { procedures, bad, total: body.TongSo, nextPage: body.TrangTiepTheo }
    },
  }
}
