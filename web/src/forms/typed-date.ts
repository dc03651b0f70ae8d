// Dates are typed and shown the Vietnamese way (ngày/tháng/năm) and kept as ISO 8601 in the data.

/**
 * The ISO date (YYYY-MM-DD) a person typed as day, month, year: `05/03/1990`, `5/3/1990`, `5-3-1990`,
 * `5.3.1990` or the eight digits `05031990`. Null when it is not a calendar date (31/02, month 13).
 */
export function parseTypedDate(typed: string): string | null {
  const text = typed.trim()
  const parts = /^\d{8}$/.test(text)
    ? [text.slice(0, 2), text.slice(2, 4), text.slice(4)]
    : /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(text)?.slice(1)
  if (!parts) return null
  const [day, month, year] = parts.map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** `1990-03-05` → `05/03/1990`; anything else is shown as it is. */
export function formatIsoDate(iso: unknown): string {
  if (typeof iso !== 'string') return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}
