import { fill } from '../forms/templates.ts'

/** One SMS part of 7-bit text: what a brandname SMS costs once. */
export const smsLimit = 160

/**
 * Tiếng Việt không dấu: the letters without their marks (NFD, combining marks removed, đ → d), and
 * anything left outside printable ASCII dropped, so the text travels as one 7-bit part.
 */
export function unaccented(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
}

/**
 * Fills an SMS pattern without diacritics and within `smsLimit`: when too long, the value `shrink`
 * names is cut first (with "..."), so the dossier code and the link survive; the rest is cut last.
 */
export function fitSms(pattern: string, values: Readonly<Record<string, string>>, shrink: string): string {
  const plain = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, unaccented(v)]))
  const text = unaccented(fill(pattern, plain))
  const excess = text.length - smsLimit
  if (excess <= 0) return text
  const cut = plain[shrink] ?? ''
  const keep = Math.max(0, cut.length - excess - 3)
  const shorter = unaccented(fill(pattern, { ...plain, [shrink]: `${cut.slice(0, keep).trimEnd()}...` }))
  return shorter.length <= smsLimit ? shorter : shorter.slice(0, smsLimit)
}
