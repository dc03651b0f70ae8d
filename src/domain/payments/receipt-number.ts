import { localDate } from '../calendar/local-time.ts'

/**
 * Số biên lai điện tử: `BLDT-<year>-<six digits>`, the year in Vietnam time and the number from one
 * sequence (so gaps appear only after a rolled-back payment).
 */
export function receiptNumber(sequence: number, now: Date): string {
  return `BLDT-${localDate(now).slice(0, 4)}-${String(sequence).padStart(6, '0')}`
}
