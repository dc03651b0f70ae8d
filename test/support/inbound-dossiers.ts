import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { Webhook } from 'standardwebhooks'
import { inboundClient } from '../../src/adapters/national-portal/inbound-client.ts'
import type { IntakeDeps } from '../../src/app/portal/intake-dossier.ts'
import { workingDaysFromDatabase } from '../../src/store/calendar/working-days-cache.ts'
import { dossierCommands } from '../../src/store/dossiers/dossier-commands.ts'
import { declarationFor } from './declaration-samples.ts'
import type { FakeNationalPortal } from './fake-national-portal.ts'
import { fixedNow, type TestApp } from './test-app.ts'

/** The platform's push credentials in tests: an API key and a Standard Webhooks secret. */
export const pushCredentials = {
  apiKey: 'khoa-day-ho-so',
  secret: `whsec_${Buffer.from('bi-mat-chung-cua-nen-tang-lien-thong').toString('base64')}`,
}

/** A PDF-looking content of `size` bytes (the sniffer reads `%PDF-`), different each call. */
export function pdfOf(size: number): Buffer {
  const head = Buffer.from(`%PDF-1.7\n%${randomUUID()}\n`)
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))])
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

let sequence = 0

/**
 * A birth registration (1.001193) submitted on the national portal for Phường Bắc Nha Trang's one-stop
 * unit (QCVN 102 code 333.00.01.H34), with one attachment the fake platform serves.
 */
export function inboundDossier(
  portal: FakeNationalPortal,
  options: { bytes?: Buffer; delayMs?: number } & Record<string, unknown> = {},
): Record<string, unknown> & { MaHoSoQuocGia: string } {
  const { bytes: given, delayMs, ...overrides } = options
  const bytes = given ?? pdfOf(2_000)
  sequence++
  const declared = declarationFor('1.001193') as { declaration?: Record<string, unknown>; formVersion?: number }
  return {
    MaHoSoQuocGia: `G22.${process.pid}.${Date.now().toString(36)}.${sequence}`,
    MaTTHC: '1.001193',
    PhienBanTTHC: 1,
    MaDonViTiepNhan: '333.00.01.H34',
    NgayNopHoSo: '20261126094500',
    NguoiNop: {
      HoTen: 'Lê Thị Cổng Quốc Gia',
      SoDinhDanh: `0561900${String(sequence).padStart(5, '0')}`,
      XacThucVNeID: true,
      SoDienThoai: '0912345678',
      Email: null,
      DiaChi: 'Phường Bắc Nha Trang, tỉnh Khánh Hòa',
    },
    ToKhai: declared.declaration
      ? { PhienBanBieuMau: declared.formVersion as number, DuLieu: declared.declaration }
      : null,
    TaiLieuNop: [
      {
        TenTaiLieu: 'Giấy chứng sinh',
        DuongDan: portal.inbound.serve(bytes, { delayMs: delayMs ?? 0 }),
        KichThuoc: bytes.length,
        MaBam: sha256(bytes),
      },
    ],
    TrangThaiThanhToan: 2,
    ...overrides,
  }
}

/** The headers the platform sends with a push: its API key and a signature by the official Standard Webhooks library. */
export function signedHeaders(
  body: string,
  at: Date = fixedNow,
  credentials: { apiKey: string; secret: string } = pushCredentials,
): Record<string, string> {
  const id = `msg_${randomUUID()}`
  return {
    'content-type': 'application/json',
    'x-api-key': credentials.apiKey,
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(credentials.secret).sign(id, at, body),
  }
}

/** The intake's parts over a test app and the fake platform. */
export function intakeDepsOf(
  t: TestApp,
  portal: FakeNationalPortal,
  now: () => Date = () => fixedNow,
): IntakeDeps & {
  client: ReturnType<typeof inboundClient>
} {
  const db = t.database.db
  return {
    db,
    engine: dossierCommands(db, workingDaysFromDatabase(db)),
    storage: t.files.storage,
    client: inboundClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 }),
    maxFileBytes: t.files.maxFileBytes,
    maxDossierBytes: t.files.maxDossierBytes,
    now,
  }
}
