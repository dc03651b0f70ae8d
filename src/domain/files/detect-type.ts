/**
 * What an uploaded file is, read from its first bytes (magic numbers), never from its name or the
 * client's declared type: a `.pdf` that starts with `MZ` is an executable, and is refused.
 */
export const AcceptedType = {
  Pdf: 'application/pdf',
  Jpeg: 'image/jpeg',
  Png: 'image/png',
} as const
export type AcceptedType = (typeof AcceptedType)[keyof typeof AcceptedType]

/** How many leading bytes `detectType` needs to decide (the PNG signature is the longest). */
export const sniffLength = 8

const signatures: readonly { readonly type: AcceptedType; readonly magic: readonly number[] }[] = [
  // "%PDF-" (ISO 32000-2 §7.5.2 file header)
  { type: AcceptedType.Pdf, magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // SOI marker FF D8 followed by the first marker's FF (JFIF, Exif and raw JPEG alike)
  { type: AcceptedType.Jpeg, magic: [0xff, 0xd8, 0xff] },
  // PNG signature (ISO/IEC 15948 §5.2)
  { type: AcceptedType.Png, magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
]

/** The accepted type the content starts with, or null (unsupported, or too short to tell). */
export function detectType(head: Uint8Array): AcceptedType | null {
  for (const { type, magic } of signatures)
    if (head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) return type
  return null
}

/** The usual file extension of an accepted type, for a download name when none was given. */
export function extensionOf(type: AcceptedType): string {
  return type === AcceptedType.Pdf ? 'pdf' : type === AcceptedType.Jpeg ? 'jpg' : 'png'
}

export const isAcceptedType = (value: string): value is AcceptedType =>
  (Object.values(AcceptedType) as string[]).includes(value)
