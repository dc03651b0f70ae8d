import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * The National TTHC Database's catalogue API for tests, on loopback, as motcua's adapter assumes it
 * (src/adapters/national-portal/catalogue-record.ts): `GET /api/csdl-tthc/thutuc?trang=&soLuong=`
 * with an `X-API-Key` header, answering `{ DanhSach, TongSo, TrangTiepTheo }`. It pages whatever
 * records it holds (plain JSON, as the database would publish them) and fails on demand. It knows
 * nothing of motcua's types on purpose.
 */
export type FakeNationalCatalogue = {
  readonly baseUrl: string
  readonly apiKey: string
  /** The records served, in order; replace or edit them between syncs. */
  records: Record<string, unknown>[]
  /** Every request's query string and the status it was answered with. */
  readonly requests: { readonly query: string; readonly status: number }[]
  /** The next `n` requests get 503. */
  failNext(n: number): void
  close(): Promise<void>
}

export async function startFakeNationalCatalogue(
  records: Record<string, unknown>[] = sampleRecords(),
): Promise<FakeNationalCatalogue> {
  const apiKey = 'csdl-test-key'
  let failing = 0
  const requests: { query: string; status: number }[] = []
  const state = { records }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const answer = (status: number, body: object) => {
      requests.push({ query: url.search, status })
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }
    if (failing > 0) {
      failing--
      return answer(503, { thongBao: 'Hệ thống đang bảo trì' })
    }
    if (req.method !== 'GET' || url.pathname !== '/api/csdl-tthc/thutuc')
      return answer(404, { thongBao: 'Không tìm thấy' })
    if (req.headers['x-api-key'] !== apiKey) return answer(401, { thongBao: 'Sai khóa truy cập' })
    const page = Number(url.searchParams.get('trang') ?? '1')
    const size = Number(url.searchParams.get('soLuong') ?? '50')
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1 || size > 500)
      return answer(400, { thongBao: 'Tham số trang, soLuong không hợp lệ' })
    const all = state.records
    const slice = all.slice((page - 1) * size, page * size)
    answer(200, { DanhSach: slice, TongSo: all.length, TrangTiepTheo: page * size < all.length ? page + 1 : null })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    get records() {
      return state.records
    },
    set records(r) {
      state.records = r
    },
    requests,
    failNext: (n) => {
      failing = n
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}

type DemoVersion = {
  name: string
  legalBasis: string[]
  fees: { name: string; amountVnd: number | null; text: string }[]
  requiredDocuments: { name: string; form: string; quantity: number; group: string | null }[]
}
const demo = JSON.parse(readFileSync(new URL('../../demo/khanh-hoa/catalog.json', import.meta.url), 'utf8')) as {
  procedures: { code: string; versions: DemoVersion[] }[]
}
const formText: Record<string, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  copy: 'Bản sao',
  presented: 'Xuất trình',
}

/** A record of the national database for a demo procedure, as published there with its publication data. */
export function recordFromDemo(code: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const v = demo.procedures.find((p) => p.code === code)?.versions[0]
  if (!v) throw new Error(`no demo procedure ${code}`)
  return {
    MaTTHC: code,
    TenTTHC: v.name,
    CapThucHien: 'Cấp Xã',
    LinhVuc: { MaLinhVuc: 'G09-TP03', TenLinhVuc: 'Hộ tịch' },
    ThoiHanGiaiQuyet: [
      { KenhThucHien: 1, ThoiGian: 1, DonViTinh: 'Ngày làm việc' },
      { KenhThucHien: 2, ThoiGian: 1, DonViTinh: 'Ngày làm việc' },
    ],
    PhiLePhi: v.fees.map((f) => ({ TenPhiLePhi: f.name, MucPhi: f.amountVnd, MoTa: f.text })),
    ThanhPhanHoSo: v.requiredDocuments.map((d) => ({
      TenGiayTo: d.name,
      HinhThuc: formText[d.form],
      SoLuong: d.quantity,
      NhomGiayTo: d.group,
    })),
    CanCuPhapLy: v.legalBasis.map((n) => ({ SoKyHieu: n, TrichYeu: `Văn bản ${n}`, NgayHieuLuc: '01/07/2025' })),
    TrinhTuThucHien: 'Bước 1: Nộp hồ sơ. Bước 2: Tiếp nhận, giải quyết. Bước 3: Trả kết quả.',
    CachThucThucHien: 'Trực tiếp, trực tuyến hoặc qua dịch vụ bưu chính',
    DoiTuongThucHien: 'Công dân Việt Nam',
    QuyetDinhCongBo: { SoQuyetDinh: '163/QĐ-BTP', NgayBanHanh: '20/06/2025' },
    NgayCongKhai: '24/06/2025',
    TrangThai: 'Còn hiệu lực',
    NgayBaiBo: null,
    DuongDan: `https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${code}`,
    ...overrides,
  }
}

/**
 * The default data set: one changed procedure (birth registration, now with its publication data and
 * statutory limit), one new, one repealed (death registration), and one malformed record.
 */
export function sampleRecords(): Record<string, unknown>[] {
  return [
    recordFromDemo('1.001193', {
      ThoiHanGiaiQuyet: [
        { KenhThucHien: 1, ThoiGian: null, DonViTinh: 'Trong ngày' },
        { KenhThucHien: 2, ThoiGian: null, DonViTinh: 'Trong ngày' },
      ],
    }),
    recordFromDemo('1.000894', {
      MaTTHC: '1.099001',
      TenTTHC: 'Thủ tục đăng ký lại kết hôn có yếu tố thử nghiệm',
      ThoiHanGiaiQuyet: [{ KenhThucHien: 1, ThoiGian: 5, DonViTinh: 'Ngày làm việc' }],
      QuyetDinhCongBo: { SoQuyetDinh: '1200/QĐ-BTP', NgayBanHanh: '10/11/2026' },
      NgayCongKhai: '12/11/2026',
    }),
    { MaTTHC: '1.099999', CapThucHien: 'Cấp Xã' },
    recordFromDemo('1.000656', { TrangThai: 'Đã bãi bỏ', NgayBaiBo: '01/12/2026' }),
  ]
}
