import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { answerPage, type PetitionDesk, petitionDesk } from './fake-national-portal-petitions.ts'

/**
 * The national platform's side of inbound dossiers, for the fake portal (loopback only), speaking the
 * protocol motcua's adapter assumes (src/adapters/national-portal/inbound-client.ts) and nothing of
 * motcua's types: `GET /api/lienthong/hoso?conTro=&soLuong=` pages the queue (the cursor is the
 * position after the page), `GET /api/lienthong/tailieu/<id>` serves an attachment, `POST
 * /api/lienthong/hoso/tiepnhan` takes an acknowledgement, `POST /api/lienthong/hoso/<id>/tuchoi` a refusal
 * (its body's MaHoSoQuocGia must be the path's), `GET /api/lienthong/hoso/<MaHoSoQuocGia>` answers
 * one queued dossier (the latest delivery of it; 404 if none), for reconciliation's re-pull, and
 * `/api/lienthong/pakn…` the petitions' feed, outcomes and refusals (fake-national-portal-petitions.ts). Every call
 * needs the `X-API-Key`.
 */
export type InboundQueue = {
  /** Appends dossiers to the queue, in this order (the same one twice is a duplicate delivery). */
  enqueue(...dossiers: Record<string, unknown>[]): void
  /** Serves `bytes` at a new link; `delayMs` holds each answer back; `extraBytes` sends more than announced. */
  serve(bytes: Buffer, options?: { delayMs?: number }): string
  /** Every acknowledgement received, in order. */
  readonly acknowledgements: Record<string, unknown>[]
  /** Every refusal report received, in order. */
  readonly refusals: Record<string, unknown>[]
  /** How many times each attachment link was fetched. */
  readonly fetches: Map<string, number>
  /** Cursors asked for, in order. */
  readonly pageRequests: (string | null)[]
  /** Petitions: what the platform pushes, and the outcomes motcua reports back. */
  readonly petitions: PetitionDesk
}

const ackFields: Record<string, (v: unknown) => boolean> = {
  MaHoSoQuocGia: (v) => typeof v === 'string' && v.length > 0,
  MaHoSoDiaPhuong: (v) => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v),
  TrangThaiHoSo: (v) => v === 1,
  NgayTiepNhanHoSo: (v) => typeof v === 'string' && /^\d{14}$/.test(v),
}

const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0
const refusalFields: Record<string, (v: unknown) => boolean> = {
  MaHoSoQuocGia: text,
  MaLyDo: (v) => typeof v === 'string' && /^[a-z-]+$/.test(v),
  LyDo: text,
  LyDoTiengAnh: text,
  NgayTuChoi: (v) => typeof v === 'string' && /^\d{14}$/.test(v),
}

/** The first field missing, malformed or unknown, or null. */
const wrongField = (body: Record<string, unknown>, fields: Record<string, (v: unknown) => boolean>) =>
  Object.keys(fields).find((k) => !fields[k]?.(body[k])) ?? Object.keys(body).find((k) => !(k in fields)) ?? null

function json(res: ServerResponse, status: number, body: object): number {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
  return status
}

export function inboundQueue(baseUrl: () => string, apiKey: string) {
  const queue: Record<string, unknown>[] = []
  const files = new Map<string, { bytes: Buffer; delayMs: number }>()
  const acknowledgements: Record<string, unknown>[] = []
  const refusals: Record<string, unknown>[] = []
  const fetches = new Map<string, number>()
  const pageRequests: (string | null)[] = []
  const petitions = petitionDesk()

  const api: InboundQueue = {
    enqueue: (...dossiers) => {
      queue.push(...dossiers)
    },
    serve: (bytes, options = {}) => {
      const id = randomUUID()
      files.set(id, { bytes, delayMs: options.delayMs ?? 0 })
      return `${baseUrl()}/api/lienthong/tailieu/${id}`
    },
    acknowledgements,
    refusals,
    fetches,
    pageRequests,
    petitions: petitions.api,
  }

  /** Answers a `/api/lienthong/…` request; returns the status sent. */
  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<number> {
    const key = Array.isArray(req.headers['x-api-key']) ? req.headers['x-api-key'][0] : req.headers['x-api-key']
    if (key !== apiKey)
      return json(res, 401, { ketQua: 'loi', maLoi: 'KHONG_XAC_THUC', thongBao: 'Khóa API không hợp lệ' })
    const url = new URL(req.url ?? '/', 'http://fake')
    if (req.method === 'GET' && url.pathname === '/api/lienthong/hoso') return answerPage(res, url, queue, pageRequests)
    const one = /^\/api\/lienthong\/hoso\/([A-Za-z0-9._-]+)$/.exec(url.pathname)
    if (req.method === 'GET' && one) {
      const found = queue.findLast((d) => d.MaHoSoQuocGia === one[1])
      return found
        ? json(res, 200, found)
        : json(res, 404, { ketQua: 'loi', maLoi: 'KHONG_TIM_THAY', thongBao: 'Không tìm thấy hồ sơ' })
    }
    const file = /^\/api\/lienthong\/tailieu\/([0-9a-f-]+)$/.exec(url.pathname)
    if (req.method === 'GET' && file) {
      const id = file[1] as string
      fetches.set(id, (fetches.get(id) ?? 0) + 1)
      const found = files.get(id)
      if (!found) return json(res, 404, { ketQua: 'loi', maLoi: 'KHONG_TIM_THAY', thongBao: 'Không tìm thấy tài liệu' })
      if (found.delayMs > 0) await sleep(found.delayMs)
      if (res.destroyed) return 0
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': found.bytes.length })
      res.end(found.bytes)
      return 200
    }
    const petition = petitions.handle(req, res, body)
    if (petition !== null) return petition
    if (req.method === 'POST' && url.pathname === '/api/lienthong/hoso/tiepnhan') {
      let ack: Record<string, unknown>
      try {
        ack = JSON.parse(body) as Record<string, unknown>
      } catch {
        return json(res, 400, { ketQua: 'loi', maLoi: 'DU_LIEU_KHONG_HOP_LE', thongBao: 'Nội dung không phải JSON' })
      }
      const wrong =
        Object.keys(ackFields).find((k) => !ackFields[k]?.(ack[k])) ?? Object.keys(ack).find((k) => !(k in ackFields))
      if (wrong)
        return json(res, 400, {
          ketQua: 'loi',
          maLoi: 'DU_LIEU_KHONG_HOP_LE',
          thongBao: `Trường ${wrong} không hợp lệ`,
        })
      acknowledgements.push(ack)
      return json(res, 200, { ketQua: 'thanh_cong' })
    }
    const refused = /^\/api\/lienthong\/hoso\/([^/]+)\/tuchoi$/.exec(url.pathname)
    if (req.method === 'POST' && refused) {
      let report: Record<string, unknown>
      try {
        report = JSON.parse(body) as Record<string, unknown>
      } catch {
        return json(res, 400, { ketQua: 'loi', maLoi: 'DU_LIEU_KHONG_HOP_LE', thongBao: 'Nội dung không phải JSON' })
      }
      const wrong =
        wrongField(report, refusalFields) ??
        (report.MaHoSoQuocGia === decodeURIComponent(refused[1] as string) ? null : 'MaHoSoQuocGia')
      if (wrong)
        return json(res, 400, {
          ketQua: 'loi',
          maLoi: 'DU_LIEU_KHONG_HOP_LE',
          thongBao: `Trường ${wrong} không hợp lệ`,
        })
      refusals.push(report)
      return json(res, 200, { ketQua: 'thanh_cong' })
    }
    return json(res, 404, { ketQua: 'loi', maLoi: 'KHONG_TIM_THAY', thongBao: 'Không tìm thấy dịch vụ' })
  }

  return { api, handle, queued: () => queue as readonly Record<string, unknown>[] }
}
