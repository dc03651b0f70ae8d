/**
 * Just enough DER to build and read CMS SignedData byte-exactly: certificates and names are copied
 * as they were encoded, never decoded and re-encoded (which is where Vietnamese names go wrong).
 */

/** One element: its tag, where it starts, where its contents start, where it ends. */
export type Tlv = { readonly tag: number; readonly start: number; readonly contentStart: number; readonly end: number }

export function readTlv(buf: Buffer, offset: number, limit = buf.length): Tlv {
  if (offset + 2 > limit) throw new Error('DER: truncated element')
  const tag = buf[offset] as number
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: multi-byte tags are not supported')
  let pos = offset + 1
  const first = buf[pos++] as number
  let length = first
  if (first === 0x80) throw new Error('DER: indefinite length')
  if (first > 0x80) {
    const count = first & 0x7f
    if (count > 4 || pos + count > limit) throw new Error('DER: bad length')
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + (buf[pos++] as number)
  }
  const end = pos + length
  if (end > limit) throw new Error('DER: element overruns its container')
  return { tag, start: offset, contentStart: pos, end }
}

/** The elements inside a constructed element. */
export function childrenOf(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = []
  let pos = parent.contentStart
  while (pos < parent.end) {
    const child = readTlv(buf, pos, parent.end)
    out.push(child)
    pos = child.end
  }
  return out
}

export const bytesOf = (buf: Buffer, t: Tlv): Buffer => buf.subarray(t.start, t.end)
export const contentOf = (buf: Buffer, t: Tlv): Buffer => buf.subarray(t.contentStart, t.end)

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

export function tlv(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents)
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body])
}

export const sequence = (...items: Buffer[]) => tlv(0x30, ...items)
/** A DER SET OF: elements sorted by their encodings. */
export const setOf = (...items: Buffer[]) => tlv(0x31, ...[...items].sort(Buffer.compare))
export const octetString = (b: Buffer) => tlv(0x04, b)
export const nullValue = Buffer.from([0x05, 0x00])
export const smallInteger = (n: number) => tlv(0x02, Buffer.from([n]))

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number)
  const bytes: number[] = [(parts[0] as number) * 40 + (parts[1] as number)]
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f]
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80)
    bytes.push(...chunk)
  }
  return tlv(0x06, Buffer.from(bytes))
}

export function oidToString(content: Buffer): string {
  const out: number[] = []
  let value = 0
  for (const [i, byte] of content.entries()) {
    if (i === 0) {
      out.push(Math.min(2, Math.floor(byte / 40)), byte - Math.min(2, Math.floor(byte / 40)) * 40)
      continue
    }
    value = value * 128 + (byte & 0x7f)
    if ((byte & 0x80) === 0) {
      out.push(value)
      value = 0
    }
  }
  return out.join('.')
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5). */
export function time(date: Date): Buffer {
  const iso = date.toISOString()
  const compact = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
  const year = date.getUTCFullYear()
  return year >= 1950 && year < 2050
    ? tlv(0x17, Buffer.from(compact.slice(2), 'latin1'))
    : tlv(0x18, Buffer.from(compact, 'latin1'))
}

export function parseTime(buf: Buffer, t: Tlv): Date | null {
  const s = contentOf(buf, t).toString('latin1')
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s)
  if (!m || (t.tag !== 0x17 && t.tag !== 0x18)) return null
  const yy = Number(m[1])
  const year = t.tag === 0x17 ? (yy < 50 ? 2000 + yy : 1900 + yy) : yy
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])))
}

/** A certificate's serial number, issuer and subject, as their exact encodings. */
export function certificateParts(der: Buffer): { serial: Buffer; issuer: Buffer; subject: Buffer } {
  const cert = readTlv(der, 0)
  const [tbs] = childrenOf(der, cert)
  if (!tbs) throw new Error('certificate without tbsCertificate')
  const fields = childrenOf(der, tbs)
  const at = fields[0]?.tag === 0xa0 ? 1 : 0
  const serial = fields[at]
  const issuer = fields[at + 2]
  const subject = fields[at + 4]
  if (!serial || !issuer || !subject) throw new Error('certificate too short')
  return { serial: bytesOf(der, serial), issuer: bytesOf(der, issuer), subject: bytesOf(der, subject) }
}

export function pemToDer(pem: string): Buffer {
  const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '')
  return Buffer.from(body, 'base64')
}
