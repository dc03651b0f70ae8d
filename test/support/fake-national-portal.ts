import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { type InboundQueue, inboundQueue } from './fake-national-portal-inbound.ts'

/**
 * A national portal (Cổng DVCQG) for tests, speaking the sync protocol motcua's adapter assumes
 * (src/adapters/national-portal): `POST /api/hoso/dongbo` with an `X-API-Key` header and one
 * dossier record as JSON. It checks the key (401), every field's presence, type and format, and
 * unknown fields (400, with a Vietnamese message naming the field, as the portal answers), keeps the
 * highest `PhienBan` per `MaHoSo` (an older one gets 200 `bo_qua`, the same one again is
 * acknowledged), and injects faults on demand. `GET /api/dvc/hoso?tuNgay=&denNgay=&trang=` lists, page by
 * page, the dossiers submitted (`NgayNopHoSo`) on those days: every stored record by `MaHoSo` (and its
 * `MaHoSoQuocGia`), and every other national dossier of the inbound queue by `MaHoSoQuocGia` (a test "gives" the portal a dossier motcua
 * lacks by queueing it, or makes it lose one by deleting its record). It knows nothing of motcua's types on purpose: the
 * protocol is checked from the outside.
 */
export type FakeNationalPortal = {
  readonly baseUrl: string
  readonly apiKey: string
  /** The latest accepted record per MaHoSo. */
  readonly records: Map<string, Record<string, unknown>>
  /** Every record the portal stored, in order (a repeated or older version is not stored). */
  readonly accepted: Record<string, unknown>[]
  /** Every request in order of arrival, with the status it was answered with (null: not yet, or the client left). */
  readonly requests: { readonly status: number | null; readonly body: string }[]
  /** The platform's inbound side: the queue pull mode pages, attachments, acknowledgements. */
  readonly inbound: InboundQueue
  /** Entries per page of the dossier list (default 50). */
  listingPageSize(n: number): void
  /** The query of every dossier-list request, in order. */
  readonly listingRequests: URLSearchParams[]
  /** The next `n` requests get 503 before anything is read. */
  failNext(n: number): void
  /** The next request is answered only after `ms` (it is still processed, as a real server would). */
  delayNext(ms: number): void
  /** Every k-th request from now on gets 500 (0 turns it off). */
  dropEvery(k: number): void
  close(): Promise<void>
}

type Check = (value: unknown) => string | null

const time = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/
const isTime = (v: unknown): boolean => {
  const m = typeof v === 'string' ? time.exec(v) : null
  if (!m) return false
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60
}

const required =
  (ok: (v: unknown) => boolean, expected: string): Check =>
  (v) =>
    v === undefined ? 'là bắt buộc' : ok(v) ? null : `phải là ${expected}`
const nullable =
  (ok: (v: unknown) => boolean, expected: string): Check =>
  (v) =>
    v === undefined ? 'là bắt buộc' : v === null || ok(v) ? null : `phải là ${expected} hoặc null`
const matches = (re: RegExp) => (v: unknown) => typeof v === 'string' && re.test(v)
const integerIn = (min: number, max: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
const oneOf =
  (...values: unknown[]) =>
  (v: unknown) =>
    values.includes(v)
const listOf = (item: Record<string, Check>, nonEmpty: boolean): Check => {
  return (v) => {
    if (v === undefined) return 'là bắt buộc'
    if (!Array.isArray(v)) return 'phải là danh sách'
    if (nonEmpty && v.length === 0) return 'không được rỗng'
    for (const [i, entry] of v.entries()) {
      const problem = checkObject(entry, item)
      if (problem) return `[${i}].${problem}`
    }
    return null
  }
}
const timeText = 'thời điểm dạng yyyyMMddHHmmss'
const flagCheck = required(oneOf(0, 1), '0 hoặc 1')

const fields: Record<string, Check> = {
  MaHoSo: required(matches(/^[0-9A-Z.]+-\d{6}-\d{4,7}$/), 'mã hồ sơ dạng MÃĐƠNVỊ-YYMMDD-XXXX'),
  MaHoSoQuocGia: nullable(matches(/^[A-Za-z0-9._-]{1,100}$/), 'mã hồ sơ quốc gia'),
  MaTTHC: required(matches(/^\d\.\d{6}$/), 'mã thủ tục hành chính dạng 1.001193'),
  MaCoQuan: required(matches(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/), 'mã định danh QCVN 102 dạng 000.00.00.H34'),
  KenhThucHien: required(integerIn(1, 3), 'số nguyên 1–3'),
  TrangThaiHoSo: required(integerIn(1, 10), 'số nguyên 1–10'),
  NgayNopHoSo: required(isTime, timeText),
  NgayTiepNhan: nullable(isTime, timeText),
  NgayHenTra: nullable(isTime, timeText),
  NgayHenTraMoi: nullable(isTime, timeText),
  NgayKetThucXuLy: nullable(isTime, timeText),
  NgayTra: nullable(isTime, timeText),
  DanhSachBoSung: listOf({ NgayYeuCau: required(isTime, timeText), NgayBoSung: nullable(isTime, timeText) }, false),
  DanhSachPhiLePhi: listOf(
    {
      TenPhiLePhi: required((v) => typeof v === 'string' && v.length > 0, 'chuỗi khác rỗng'),
      Gia: required(integerIn(0, Number.MAX_SAFE_INTEGER), 'số tiền nguyên không âm (đồng)'),
    },
    false,
  ),
  DuocThanhToanTrucTuyen: required(oneOf(0, 1, 2), '0, 1 (Cổng DVCQG) hoặc 2 (cổng thanh toán của địa phương)'),
  DanhSachGiayToKetQua: listOf(
    {
      TenGiayTo: required((v) => typeof v === 'string', 'chuỗi'),
      MaKetQua: required((v) => typeof v === 'string' && v.length > 0, 'chuỗi khác rỗng'),
      DuongDanTepTinKetQua: nullable(matches(/^https?:\/\/\S+$/), 'địa chỉ http(s)'),
    },
    false,
  ),
  HoSoCoThanhPhanSoHoa: flagCheck,
  TaiLieuNop: listOf(
    {
      TenTaiLieu: required((v) => typeof v === 'string' && v.length > 0, 'chuỗi khác rỗng'),
      CoTepDinhKem: flagCheck,
      DuocSoHoa: flagCheck,
      DuocLayTuKhoDMQG: flagCheck,
    },
    false,
  ),
  TaiKhoanDuocXacThucVoiVNeID: flagCheck,
  PhienBan: required(integerIn(1, 2 ** 31 - 1), 'số nguyên dương'),
  LichSuTrangThai: listOf(
    { TrangThai: required(integerIn(1, 10), 'số nguyên 1–10'), ThoiDiem: required(isTime, timeText) },
    true,
  ),
  ToKhai: nullable(
    (v) =>
      checkObject(v, {
        PhienBanBieuMau: required(integerIn(1, 2 ** 31 - 1), 'số nguyên dương'),
        DuLieu: required((d) => typeof d === 'object' && d !== null && !Array.isArray(d), 'đối tượng JSON'),
      }) === null,
    'tờ khai { PhienBanBieuMau, DuLieu }',
  ),
}

/** The first problem of an object against its fields, as `Field problem`, or null. */
function checkObject(value: unknown, spec: Record<string, Check>): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'phải là đối tượng JSON'
  for (const [name, check] of Object.entries(spec)) {
    const problem = check((value as Record<string, unknown>)[name])
    if (problem) return `${name} ${problem}`
  }
  const unknown = Object.keys(value).find((k) => !(k in spec))
  return unknown ? `${unknown} không thuộc danh mục trường đồng bộ` : null
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startFakeNationalPortal(options: { apiKey?: string } = {}): Promise<FakeNationalPortal> {
  const apiKey = options.apiKey ?? 'khoa-thu-nghiem'
  const records = new Map<string, Record<string, unknown>>()
  const accepted: Record<string, unknown>[] = []
  const requests: { status: number | null; body: string }[] = []
  let failing = 0
  let delay = 0
  let dropK = 0
  let count = 0
  let baseUrl = ''
  const inbound = inboundQueue(() => baseUrl, apiKey)

  function answer(body: string, key: string | undefined): { status: number; reply: object } {
    if (key !== apiKey)
      return { status: 401, reply: { ketQua: 'loi', maLoi: 'KHONG_XAC_THUC', thongBao: 'Khóa API không hợp lệ' } }
    let record: unknown
    try {
      record = JSON.parse(body)
    } catch {
      return {
        status: 400,
        reply: { ketQua: 'loi', maLoi: 'DU_LIEU_KHONG_HOP_LE', thongBao: 'Nội dung không phải JSON hợp lệ' },
      }
    }
    const problem = checkObject(record, fields)
    if (problem)
      return { status: 400, reply: { ketQua: 'loi', maLoi: 'DU_LIEU_KHONG_HOP_LE', thongBao: `Trường ${problem}` } }
    const r = record as Record<string, unknown> & { MaHoSo: string; PhienBan: number }
    const held = records.get(r.MaHoSo) as { PhienBan: number } | undefined
    if (held && held.PhienBan > r.PhienBan) return { status: 200, reply: { ketQua: 'bo_qua' } }
    if (!held || held.PhienBan < r.PhienBan) {
      records.set(r.MaHoSo, r)
      accepted.push(r)
    }
    return { status: 200, reply: { ketQua: 'thanh_cong' } }
  }

  let pageSize = 50
  const listingRequests: URLSearchParams[] = []

  /** The dossier list's page for a query, or why it is refused. */
  function listing(query: URLSearchParams): { status: number; reply: object } {
    listingRequests.push(query)
    const [from, to, page] = [query.get('tuNgay'), query.get('denNgay'), Number(query.get('trang') ?? '1')]
    if (!from || !to || !/^\d{8}$/.test(from) || !/^\d{8}$/.test(to) || !Number.isInteger(page) || page < 1)
      return {
        status: 400,
        reply: { ketQua: 'loi', maLoi: 'DU_LIEU_KHONG_HOP_LE', thongBao: 'tuNgay, denNgay (yyyyMMdd), trang ≥ 1' },
      }
    const inWindow = (submitted: unknown) =>
      typeof submitted === 'string' && submitted.slice(0, 8) >= from && submitted.slice(0, 8) <= to
    const synced = [...records.values()]
      .filter((r) => inWindow(r.NgayNopHoSo))
      .map((r) => {
        const history = r.LichSuTrangThai as { ThoiDiem: string }[]
        return {
          MaHoSo: r.MaHoSo,
          MaHoSoQuocGia: r.MaHoSoQuocGia ?? null,
          MaTTHC: r.MaTTHC,
          TrangThaiHoSo: r.TrangThaiHoSo,
          NgayCapNhat: history.at(-1)?.ThoiDiem ?? r.NgayNopHoSo,
        }
      })
    // A national dossier whose statuses the province syncs is listed once, by its record.
    const joined = new Set<unknown>(synced.map((r) => r.MaHoSoQuocGia).filter((id) => id !== null))
    const national = new Map<unknown, object>()
    for (const d of inbound.queued())
      if (inWindow(d.NgayNopHoSo) && !joined.has(d.MaHoSoQuocGia))
        national.set(d.MaHoSoQuocGia, {
          MaHoSo: null,
          MaHoSoQuocGia: d.MaHoSoQuocGia,
          MaTTHC: d.MaTTHC,
          TrangThaiHoSo: 1,
          NgayCapNhat: d.NgayNopHoSo,
        })
    const all = [...synced, ...national.values()]
    const entries = all.slice((page - 1) * pageSize, page * pageSize)
    return { status: 200, reply: { DanhSach: entries, TrangTiepTheo: page * pageSize < all.length ? page + 1 : null } }
  }

  const server = createServer(async (req, res) => {
    count++
    const body = await bodyOf(req)
    const entry: { status: number | null; body: string } = { status: null, body }
    requests.push(entry)
    const reply = (status: number, payload: object) => {
      if (res.destroyed) return
      entry.status = status
      send(res, status, payload)
    }
    if (failing > 0) {
      failing--
      return reply(503, { ketQua: 'loi', maLoi: 'TAM_NGUNG', thongBao: 'Hệ thống đang bảo trì' })
    }
    if (dropK > 0 && count % dropK === 0)
      return reply(500, { ketQua: 'loi', maLoi: 'LOI_HE_THONG', thongBao: 'Lỗi hệ thống' })
    if (req.url?.startsWith('/api/lienthong/')) {
      const wait = delay
      delay = 0
      if (wait > 0) await sleep(wait)
      if (res.destroyed) return
      entry.status = await inbound.handle(req, res, body)
      return
    }
    if (req.method === 'GET' && req.url?.startsWith('/api/dvc/hoso?')) {
      const header = req.headers['x-api-key']
      if ((Array.isArray(header) ? header[0] : header) !== apiKey)
        return reply(401, { ketQua: 'loi', maLoi: 'KHONG_XAC_THUC', thongBao: 'Khóa API không hợp lệ' })
      const { status, reply: payload } = listing(new URL(req.url, 'http://fake').searchParams)
      return reply(status, payload)
    }
    if (req.method !== 'POST' || req.url !== '/api/hoso/dongbo')
      return reply(404, { ketQua: 'loi', maLoi: 'KHONG_TIM_THAY', thongBao: 'Không tìm thấy dịch vụ' })
    const wait = delay
    delay = 0
    const header = req.headers['x-api-key']
    const { status, reply: payload } = answer(body, Array.isArray(header) ? header[0] : header)
    if (wait > 0) await sleep(wait)
    reply(status, payload)
  })
  // Idle keep-alive sockets stay open a minute: PGlite runs on the test's own thread, and a long stall
  // let the server close a socket (default 5 s) just as the client reused it ("fetch failed").
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`
  return {
    baseUrl,
    apiKey,
    inbound: inbound.api,
    records,
    accepted,
    requests,
    listingPageSize: (n) => {
      pageSize = n
    },
    listingRequests,
    failNext: (n) => {
      failing = n
    },
    delayNext: (ms) => {
      delay = ms
    },
    dropEvery: (k) => {
      dropK = k
      count = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
