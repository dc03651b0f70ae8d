import { createHash } from 'node:crypto'

/** JSON with object keys sorted at every depth: the same value always gives the same text (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** Link of a dossier's tamper-evident chain: covers the previous link, the dossier, the position and the event. */
export function eventHash(prevHash: string | null, dossierId: string, seq: number, event: unknown): string {
  return createHash('sha256')
    .update(`${prevHash ?? ''}\n${dossierId}\n${seq}\n${canonicalJson(event)}`)
    .digest('hex')
}
