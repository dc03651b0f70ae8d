import type { ReconciliationLists } from '../../domain/portal/reconciliation.ts'

const header = [
  'Loại / Kind',
  'Mã hồ sơ / Dossier code',
  'Mã hồ sơ quốc gia / National id',
  'Trạng thái motcua / motcua status',
  'Trạng thái trên Cổng / Portal status',
]

const kinds = {
  portalOnly: 'Cổng có, motcua thiếu / portal only',
  motcuaOnly: 'motcua có, Cổng thiếu / motcua only',
  mismatched: 'Lệch trạng thái / status mismatch',
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
const field = (value: string | number | null) => {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * Báo cáo đối soát as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheet programs read
 * the Vietnamese): one row per difference, Vietnamese and English headers.
 */
export function reconciliationCsv(items: ReconciliationLists): Buffer {
  const rows: (string | number | null)[][] = [
    ...items.portalOnly.map((p) => [kinds.portalOnly, p.code, p.nationalId, null, p.status]),
    ...items.motcuaOnly.map((d) => [kinds.motcuaOnly, d.code, d.nationalId, d.status, null]),
    ...items.mismatched.map((m) => [
      kinds.mismatched,
      m.local.code,
      m.local.nationalId,
      m.local.status,
      m.portal.status,
    ]),
  ]
  const text = [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8')
}
