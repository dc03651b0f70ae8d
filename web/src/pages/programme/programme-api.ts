import { useQuery } from '@tanstack/react-query'
import { client, ok } from '../../api/client.ts'

export type Evidence = { name: string; contentBase64: string }

/** The first programme the server holds (a province runs one at a time). */
export function useProgramme() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: async () => (await ok(client.GET('/api/programme')))[0] ?? null,
  })
}

/** A chosen file as the API takes evidence: its name and its bytes in base64. */
export function readEvidence(file: File): Promise<Evidence> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve({ name: file.name, contentBase64: String(reader.result).replace(/^data:[^,]*,/, '') })
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

export type TaskView = Awaited<ReturnType<typeof loadPlan>>['tasks'][number]

export const loadPlan = (id: string, year: number, agencyId: string | undefined) =>
  ok(
    client.GET('/api/programme/{id}/plans/{year}', {
      params: { path: { id, year }, query: agencyId === undefined ? {} : { agencyId } },
    }),
  )

/** Tỷ lệ shown as a percentage, points and ranks as numbers. */
export function formatFigure(value: number | null, measure: string | null, lang: 'vi' | 'en'): string {
  if (value === null) return '—'
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB'
  if (measure === 'index_766' || value > 1) return value.toLocaleString(locale, { maximumFractionDigits: 2 })
  return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 1 })} %`
}
