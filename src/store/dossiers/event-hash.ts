import { hash } from 'node:crypto'

/**
 * JSON with object keys sorted at every depth: the same value always gives the same text (jsonb
 * reorders keys). Keys whose value is undefined are left out, as JSON.stringify leaves them out.
 * Written as loops over strings: it runs for every event and every command request.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ','
      // An undefined element is written as nothing, as Array.prototype.join writes it.
      out += canonicalJson(value[i]) ?? ''
    }
    return `${out}]`
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort()
  let out = '{'
  for (const key of keys) {
    const v = record[key]
    if (v === undefined) continue
    if (out.length > 1) out += ','
    out += `${JSON.stringify(key)}:${canonicalJson(v)}`
  }
  return `${out}}`
}

/** Link of a dossier's tamper-evident chain: covers the previous link, the dossier, the position and the event. */
export function eventHash(prevHash: string | null, dossierId: string, seq: number, event: unknown): string {
  return hash('sha256', `${prevHash ?? ''}\n${dossierId}\n${seq}\n${canonicalJson(event)}`, 'hex')
}
