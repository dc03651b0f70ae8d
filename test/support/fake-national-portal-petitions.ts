import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * The national platform's petition desk, for the fake portal (loopback only), speaking the protocol
 * motcua's adapter assumes (src/adapters/national-portal/inbound-petition.ts, inbound-client.ts) and
 * nothing of motcua's types. What is enqueued is what the platform delivers, in order (the same one
 * twice is a redelivery, a later one first is out of order): pushed by the test (`drain`), or pulled
 * from `GET /api/lienthong/pakn?conTro=&soLuong=` (the cursor is the position after the page).
 * `POST /api/lienthong/pakn/ketqua` takes the outcome of one and `POST
 * /api/lienthong/pakn/<id>/tuchoi` a refusal before reception, each checked field by field.
 */
export type PetitionDesk = {
  /** Appends petitions to what the platform delivers, in this order. */
  enqueue(...petitions: Record<string, unknown>[]): void
  /** Takes what is queued, in order, for the test to push (signed) to motcua. */
  drain(): Record<string, unknown>[]
  /** Every outcome received, in order. */
  readonly outcomes: Record<string, unknown>[]
  /** Every refusal received, in order. */
  readonly refusals: Record<string, unknown>[]
  /** Feed cursors asked for, in order. */
  readonly pageRequests: (string | null)[]
}

const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0
const refusalFields: Record<string, (v: unknown) => boolean> = {
  MaPAKNQuocGia: text,
  MaLyDo: (v) => typeof v === 'string' && /^[a-z-]+$/.test(v),
  LyDo: text,
  LyDoTiengAnh: text,
  NgayTuChoi: (v) => typeof v === 'string' && /^\d{14}$/.test(v),
}

const outcomeFields: Record<string, (v: unknown) => boolean> = {
  MaPAKNQuocGia: (v) => typeof v === 'string' && v.length > 0,
  MaPAKN: (v) => typeof v === 'string' && /^PAKN\.\d{8}\.\d{4,}$/.test(v),
  TrangThai: (v) => v === 3 || v === 4,
  NoiDungTraLoi: (v) => typeof v === 'string' && v.length > 0,
  NgayXuLy: (v) => typeof v === 'string' && /^\d{14}$/.test(v),
  CongKhai: (v) => typeof v === 'boolean',
}

function json(res: ServerResponse, status: number, body: object): number {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
  return status
}

/**
 * One page of a queue the platform serves by `?conTro=&soLuong=` (the cursor is the position after
 * the page), the cursor asked for noted in `requests`; returns the status sent.
 */
export function answerPage(
  res: ServerResponse,
  url: URL,
  items: readonly Record<string, unknown>[],
  requests: (string | null)[],
): number {
  const cursor = url.searchParams.get('conTro')
  requests.push(cursor)
  const from = cursor === null ? 0 : Number(cursor)
  const size = Number(url.searchParams.get('soLuong') ?? '50')
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(size) || size < 1)
    return json(res, 400, { ketQua: 'loi', maLoi: 'DU_LIEU_KHONG_HOP_LE', thongBao: 'Con trỏ không hợp lệ' })
  const page = items.slice(from, from + size)
  return json(res, 200, { DanhSach: page, ConTroTiepTheo: String(from + page.length) })
}

/** The body as JSON, and the first field missing, malformed or unknown (null when none). */
function checked(body: string, fields: Record<string, (v: unknown) => boolean>) {
  let record: Record<string, unknown>
  try {
    record = JSON.parse(body) as Record<string, unknown>
  } catch {
    return { record: null, wrong: 'body' }
  }
  const wrong =
    Object.keys(fields).find((k) => !fields[k]?.(record[k])) ?? Object.keys(record).find((k) => !(k in fields)) ?? null
  return { record, wrong }
}

export function petitionDesk() {
  const delivered: Record<string, unknown>[] = []
  let pushed = 0
  const outcomes: Record<string, unknown>[] = []
  const refusals: Record<string, unknown>[] = []
  const pageRequests: (string | null)[] = []
  const api: PetitionDesk = {
    enqueue: (...petitions) => {
      delivered.push(...petitions)
    },
    drain: () => {
      const next = delivered.slice(pushed)
      pushed = delivered.length
      return next
    },
    outcomes,
    refusals,
    pageRequests,
  }

  const refused = (res: ServerResponse, wrong: string) =>
    json(res, 400, { ketQua: 'loi', maLoi: 'DU_LIEU_KHONG_HOP_LE', thongBao: `Trường ${wrong} không hợp lệ` })

  /** Answers a `/api/lienthong/pakn…` request (the caller checked the API key), or null when it is not one. */
  function handle(req: IncomingMessage, res: ServerResponse, body: string): number | null {
    const url = new URL(req.url ?? '/', 'http://fake')
    if (req.method === 'GET' && url.pathname === '/api/lienthong/pakn')
      return answerPage(res, url, delivered, pageRequests)
    if (req.method === 'POST' && url.pathname === '/api/lienthong/pakn/ketqua') {
      const { record, wrong } = checked(body, outcomeFields)
      if (wrong || !record) return refused(res, wrong ?? 'body')
      outcomes.push(record)
      return json(res, 200, { ketQua: 'thanh_cong' })
    }
    const refusal = /^\/api\/lienthong\/pakn\/([^/]+)\/tuchoi$/.exec(url.pathname)
    if (req.method === 'POST' && refusal) {
      const { record, wrong } = checked(body, refusalFields)
      const mismatch = record && record.MaPAKNQuocGia !== decodeURIComponent(refusal[1] as string)
      if (wrong || !record || mismatch) return refused(res, wrong ?? 'MaPAKNQuocGia')
      refusals.push(record)
      return json(res, 200, { ketQua: 'thanh_cong' })
    }
    return null
  }

  return { api, handle }
}
