import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * The national platform's petition desk, for the fake portal (loopback only), speaking the protocol
 * motcua's adapter assumes (src/adapters/national-portal/inbound-petition.ts) and nothing of motcua's
 * types. The platform pushes petitions (`queue` is what it sends, in order: the same one twice is a
 * redelivery, a later one first is out of order); `POST /api/lienthong/pakn/ketqua` takes the
 * outcome of one, checked field by field.
 */
export type PetitionDesk = {
  /** Appends petitions to what the platform delivers, in this order. */
  enqueue(...petitions: Record<string, unknown>[]): void
  /** Takes what is queued, in order, for the test to push (signed) to motcua. */
  drain(): Record<string, unknown>[]
  /** Every outcome received, in order. */
  readonly outcomes: Record<string, unknown>[]
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

export function petitionDesk() {
  const queue: Record<string, unknown>[] = []
  const outcomes: Record<string, unknown>[] = []
  const api: PetitionDesk = {
    enqueue: (...petitions) => {
      queue.push(...petitions)
    },
    drain: () => queue.splice(0, queue.length),
    outcomes,
  }

  /** Answers `POST /api/lienthong/pakn/ketqua` (the caller checked the API key); returns the status sent. */
  function handle(_req: IncomingMessage, res: ServerResponse, body: string): number {
    let outcome: Record<string, unknown>
    try {
      outcome = JSON.parse(body) as Record<string, unknown>
    } catch {
      return json(res, 400, { ketQua: 'loi', maLoi: 'DU_LIEU_KHONG_HOP_LE', thongBao: 'Nội dung không phải JSON' })
    }
    const wrong =
      Object.keys(outcomeFields).find((k) => !outcomeFields[k]?.(outcome[k])) ??
      Object.keys(outcome).find((k) => !(k in outcomeFields))
    if (wrong)
      return json(res, 400, { ketQua: 'loi', maLoi: 'DU_LIEU_KHONG_HOP_LE', thongBao: `Trường ${wrong} không hợp lệ` })
    outcomes.push(outcome)
    return json(res, 200, { ketQua: 'thanh_cong' })
  }

  return { api, handle }
}
