/**
 * Mã hồ sơ (Circular 01/2018/TT-VPCP, rules.md §3): `UNITCODE-YYMMDD-XXXX`, the receiving unit's
 * QCVN 102 code, the reception date and the day's sequence at that unit. motcua issues 4 digits
 * (more past 9,999 a day); codes from ministry systems carry up to 7, so parsing accepts 4–7.
 */
export type DossierCode = { readonly unitCode: string; readonly date: string; readonly sequence: number }

export function formatDossierCode(unitCode: string, date: string, sequence: number): string {
  return `${unitCode}-${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-${String(sequence).padStart(4, '0')}`
}

export function parseDossierCode(text: string): DossierCode | null {
  const m = /^([A-Z0-9]+(?:\.[A-Z0-9]+)*)-(\d{2})(\d{2})(\d{2})-(\d{4,7})$/.exec(text.trim())
  if (!m) return null
  const [, unitCode, yy, mm, dd, seq] = m as unknown as [string, string, string, string, string, string]
  const date = `20${yy}-${mm}-${dd}`
  const d = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) return null
  const sequence = Number(seq)
  return sequence > 0 ? { unitCode, date, sequence } : null
}
