/**
 * Mã phản ánh, kiến nghị: `PAKN.yyyymmdd.nnnn`, the local reception date and the day's number, one
 * series per day across the province, gap-free because the number is allocated in the reception's
 * transaction (as dossier codes are, src/store/dossiers). More than 9,999 a day widens the number.
 */
export function formatPetitionCode(date: string, sequence: number): string {
  return `PAKN.${date.replaceAll('-', '')}.${String(sequence).padStart(4, '0')}`
}

export function isPetitionCode(text: string): boolean {
  return /^PAKN\.\d{8}\.\d{4,}$/.test(text)
}
