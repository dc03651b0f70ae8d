/** The longest display name kept, in characters (code points); longer names keep their extension. */
export const maxDisplayNameLength = 160

// C0 and C1 controls, DEL, and the invisible format characters that can make a name read as something
// else (bidirectional overrides such as "invoice\u202Efdp.exe", zero-width joiners, BOM).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const unsafe = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu

/**
 * The client's file name made fit to show and to offer as a download name: the last path segment only
 * (either slash), no control or direction-changing characters, NFC, trimmed, at most
 * `maxDisplayNameLength` characters. Null when nothing is left. It is never used to build a path:
 * files are stored under their SHA-256.
 */
export function sanitizeDisplayName(raw: string | undefined | null): string | null {
  if (!raw) return null
  const lastSegment = raw.split(/[/\\]/).pop() ?? ''
  let name = lastSegment.normalize('NFC').replace(unsafe, '').replace(/\s+/gu, ' ').trim()
  // "." and ".." are path parts, not names; leading dots would make a hidden file on download.
  name = name.replace(/^\.+/, '').trim()
  if (name === '') return null
  const chars = [...name]
  if (chars.length <= maxDisplayNameLength) return name
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? [...name.slice(dot)] : []
  if (extension.length > 0 && extension.length <= 10)
    return [...chars.slice(0, maxDisplayNameLength - extension.length), ...extension].join('')
  return chars.slice(0, maxDisplayNameLength).join('')
}

/** `Content-Disposition: attachment` with the name as RFC 8187 UTF-8 (`filename*`), safe in a header. */
export function attachmentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
  return `attachment; filename*=UTF-8''${encoded}`
}
