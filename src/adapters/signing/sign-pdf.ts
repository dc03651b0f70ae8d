import { createHash } from 'node:crypto'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { Signer, SignPdf } from '@signpdf/signpdf'
import forge from 'node-forge'
import { PDFDocument } from 'pdf-lib'
import {
  certificateParts,
  nullValue,
  octetString,
  oid,
  pemToDer,
  sequence,
  setOf,
  smallInteger,
  time,
  tlv,
} from './der.ts'

/** The signing agency's certificate and key, and the CA certificate that issued it (all PEM). */
export type PdfSigner = { readonly certificatePem: string; readonly privateKeyPem: string; readonly caPem: string }

export type SignatureDetails = {
  readonly reason: string
  readonly location: string
  readonly signerName: string
  readonly signedAt: Date
}

export const Oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const

/** Room for the CMS in the document: two 2048-bit certificates and a signature need about 2.5 KB. */
const signatureBytes = 8192

/**
 * Signs a PDF (PAdES-style, `adbe.pkcs7.detached`): a signature field is added with pdf-lib, the
 * ByteRange (the whole file but the /Contents hole) is hashed with SHA-256, and a detached CMS
 * SignedData (RFC 5652) built here is embedded. The CMS is assembled from the certificates' own
 * bytes — nothing is decoded and re-encoded, so Vietnamese names stay exactly as their CA wrote them.
 */
export async function signPdf(pdf: Buffer, signer: PdfSigner, details: SignatureDetails): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf)
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: pdfText(details.reason),
    contactInfo: '',
    name: pdfText(details.signerName),
    location: pdfText(details.location),
    signingTime: details.signedAt,
    signatureLength: signatureBytes,
    subFilter: 'adbe.pkcs7.detached',
    appName: 'motcua',
  })
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }))
  return new SignPdf().sign(prepared, new CmsSigner(signer), details.signedAt)
}

class CmsSigner extends Signer {
  readonly #signer: PdfSigner
  constructor(signer: PdfSigner) {
    super()
    this.#signer = signer
  }
  override async sign(signedBytes: Buffer, signingTime?: Date): Promise<Buffer> {
    return detachedCms(signedBytes, this.#signer, signingTime ?? new Date())
  }
}

const algorithm = (dotted: string) => sequence(oid(dotted), nullValue)
const attribute = (type: string, value: Buffer) => sequence(oid(type), setOf(value))

/** A detached CMS SignedData over `content`: SHA-256 with RSA, signed attributes, both certificates. */
export function detachedCms(content: Buffer, signer: PdfSigner, signingTime: Date): Buffer {
  const certificate = pemToDer(signer.certificatePem)
  const ca = pemToDer(signer.caPem)
  const { serial, issuer } = certificateParts(certificate)
  const digest = createHash('sha256').update(content).digest()
  const signedAttributes = setOf(
    attribute(Oids.contentType, oid(Oids.data)),
    attribute(Oids.signingTime, time(signingTime)),
    attribute(Oids.messageDigest, octetString(digest)),
  )
  const key = forge.pki.privateKeyFromPem(signer.privateKeyPem)
  const md = forge.md.sha256.create()
  md.update(signedAttributes.toString('binary'))
  const signature = Buffer.from(key.sign(md), 'binary')
  const signerInfo = sequence(
    smallInteger(1),
    sequence(issuer, serial),
    algorithm(Oids.sha256),
    // [0] IMPLICIT: the SET's tag replaced, its contents unchanged.
    Buffer.concat([Buffer.from([0xa0]), signedAttributes.subarray(1)]),
    algorithm(Oids.rsaEncryption),
    octetString(signature),
  )
  const signedData = sequence(
    smallInteger(1),
    setOf(algorithm(Oids.sha256)),
    sequence(oid(Oids.data)),
    tlv(0xa0, ...[certificate, ca].sort(Buffer.compare)),
    setOf(signerInfo),
  )
  return sequence(oid(Oids.signedData), tlv(0xa0, signedData))
}

/**
 * A PDF text string for pdf-lib's literal-string writer: UTF-16BE with a byte-order mark, every byte
 * written as an octal escape, so Vietnamese letters (and parentheses, backslashes) survive intact.
 */
export function pdfText(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16()
  return [...utf16].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('')
}
