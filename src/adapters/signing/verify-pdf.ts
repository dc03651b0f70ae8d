import { createHash } from 'node:crypto'
import forge from 'node-forge'
import { commonNameOf } from './certificates.ts'
import {
  bytesOf,
  certificateParts,
  childrenOf,
  contentOf,
  oidToString,
  parseTime,
  pemToDer,
  readTlv,
  type Tlv,
} from './der.ts'
import { Oids } from './sign-pdf.ts'

/**
 * Why a signature is not valid, as a code the interface translates:
 * - `notSigned`: no signature in the document;
 * - `byteRangeIncomplete`: the signature does not cover the whole file but its own /Contents (for
 *   instance, something was appended after signing);
 * - `unreadableSignature`: the /Contents is not a CMS SignedData this verifier understands;
 * - `unsupportedAlgorithm`: a digest or signature algorithm other than SHA-2 with RSA;
 * - `digestMismatch`: the document changed after it was signed;
 * - `badSignature`: the signed attributes do not match the signer's key;
 * - `untrustedCertificate`: the signer's certificate does not chain to the trusted CA (or was not
 *   valid at the signing time).
 */
export type VerificationProblem =
  | 'notSigned'
  | 'byteRangeIncomplete'
  | 'unreadableSignature'
  | 'unsupportedAlgorithm'
  | 'digestMismatch'
  | 'badSignature'
  | 'untrustedCertificate'

export type VerificationResult = {
  readonly signed: boolean
  readonly valid: boolean
  readonly signerName: string | null
  readonly signedAt: string | null
  readonly problem: VerificationProblem | null
  /** SHA-256 of the whole presented file, hex. */
  readonly documentSha256: string
}

const digests: Record<string, { node: string; forge: 'sha256' | 'sha384' | 'sha512' }> = {
  [Oids.sha256]: { node: 'sha256', forge: 'sha256' },
  '2.16.840.1.101.3.4.2.2': { node: 'sha384', forge: 'sha384' },
  '2.16.840.1.101.3.4.2.3': { node: 'sha512', forge: 'sha512' },
}
const rsaSignatures = new Set([
  Oids.rsaEncryption,
  Oids.sha256WithRsa,
  '1.2.840.113549.1.1.12', // sha384WithRSAEncryption
  '1.2.840.113549.1.1.13', // sha512WithRSAEncryption
])

class Invalid extends Error {
  readonly problem: VerificationProblem
  constructor(problem: VerificationProblem) {
    super(problem)
    this.problem = problem
  }
}

/**
 * Verifies the last signature in a PDF: the ByteRange must cover the whole file but the /Contents
 * hole, the CMS messageDigest must equal the digest of those ranges, the RSA signature over the
 * signed attributes must verify with the signer's certificate, and that certificate must chain to
 * `trustedCaPem`. Tampering with any signed byte makes the result invalid.
 */
export function verifySignedPdf(pdf: Buffer, trustedCaPem: string, now = new Date()): VerificationResult {
  const documentSha256 = createHash('sha256').update(pdf).digest('hex')
  const range = lastByteRange(pdf)
  if (!range)
    return { signed: false, valid: false, signerName: null, signedAt: null, problem: 'notSigned', documentSha256 }
  let signerName: string | null = null
  let signedAt: string | null = null
  try {
    const [start, holeStart, holeEnd, tailLength] = range
    if (start !== 0 || holeStart <= 0 || holeEnd <= holeStart || holeEnd + tailLength !== pdf.length)
      throw new Invalid('byteRangeIncomplete')
    const hole = pdf.subarray(holeStart, holeEnd).toString('latin1')
    if (!/^<[0-9a-fA-F]*>$/.test(hole) || hole.length % 2 !== 0) throw new Invalid('byteRangeIncomplete')
    const cms = parseCms(Buffer.from(hole.slice(1, -1), 'hex'))
    const signer = cms.signerCertificate
    signerName = commonNameOf(signer.forge)
    signedAt = cms.signingTime?.toISOString() ?? null

    const digest = createHash(cms.digest.node).update(pdf.subarray(0, holeStart)).update(pdf.subarray(holeEnd)).digest()
    if (!digest.equals(cms.messageDigest)) throw new Invalid('digestMismatch')

    const md = forge.md[cms.digest.forge].create()
    md.update(cms.signedAttributes.toString('binary'))
    let verified = false
    try {
      const key = signer.forge.publicKey as forge.pki.rsa.PublicKey
      verified = key.verify(md.digest().getBytes(), cms.signature.toString('binary'))
    } catch {
      verified = false
    }
    if (!verified) throw new Invalid('badSignature')

    const trusted = forge.pki.certificateFromPem(trustedCaPem)
    // Byte-exact: the issuer the certificate names is the trusted CA's subject as the CA wrote it.
    if (!certificateParts(signer.der).issuer.equals(certificateParts(pemToDer(trustedCaPem)).subject))
      throw new Invalid('untrustedCertificate')
    try {
      forge.pki.verifyCertificateChain(forge.pki.createCaStore([trusted]), [signer.forge], {
        validityCheckDate: cms.signingTime ?? now,
      })
    } catch {
      throw new Invalid('untrustedCertificate')
    }
    return { signed: true, valid: true, signerName, signedAt, problem: null, documentSha256 }
  } catch (error) {
    const problem = error instanceof Invalid ? error.problem : 'unreadableSignature'
    return { signed: true, valid: false, signerName, signedAt, problem, documentSha256 }
  }
}

/** The numbers of the last `/ByteRange [a b c d]` in the file, if any. */
function lastByteRange(pdf: Buffer): [number, number, number, number] | null {
  const text = pdf.toString('latin1')
  let found: [number, number, number, number] | null = null
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g))
    found = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]
  return found
}

type ParsedCms = {
  readonly digest: { node: string; forge: 'sha256' | 'sha384' | 'sha512' }
  readonly messageDigest: Buffer
  readonly signingTime: Date | null
  /** The signed attributes as a DER SET: what the signature covers. */
  readonly signedAttributes: Buffer
  readonly signature: Buffer
  readonly signerCertificate: { der: Buffer; forge: forge.pki.Certificate }
}

const need = <T>(value: T | undefined | null, problem: VerificationProblem = 'unreadableSignature'): T => {
  if (value === undefined || value === null) throw new Invalid(problem)
  return value
}

/** Reads a CMS SignedData with one signer, with node-forge for the certificates and byte-exact DER for the rest. */
function parseCms(padded: Buffer): ParsedCms {
  const outer = readTlv(padded, 0)
  const der = padded.subarray(0, outer.end)
  const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(der.toString('binary'))) as forge.pkcs7.PkcsSignedData
  if ((message as { type?: string }).type !== forge.pki.oids.signedData) throw new Invalid('unreadableSignature')

  const [, explicit] = childrenOf(der, outer)
  const signedData = need(childrenOf(der, need(explicit))[0])
  const parts = childrenOf(der, signedData)
  const certificates = parts.find((p) => p.tag === 0xa0)
  const signerInfos = need(parts.at(-1))
  if (signerInfos.tag !== 0x31) throw new Invalid('unreadableSignature')
  const [signerInfo] = childrenOf(der, signerInfos)
  const fields = childrenOf(der, need(signerInfo))
  const [, sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signature] = fields
  if (sid?.tag !== 0x30 || signedAttrs?.tag !== 0xa0 || signature?.tag !== 0x04)
    throw new Invalid('unreadableSignature')

  const digest = need(digests[algorithmOid(der, need(digestAlgorithm))], 'unsupportedAlgorithm')
  if (!rsaSignatures.has(algorithmOid(der, need(signatureAlgorithm)))) throw new Invalid('unsupportedAlgorithm')

  let messageDigest: Buffer | null = null
  let signingTime: Date | null = null
  let contentType: string | null = null
  for (const attr of childrenOf(der, signedAttrs)) {
    const [type, values] = childrenOf(der, attr)
    const value = childrenOf(der, need(values))[0]
    if (!type || !value) continue
    const name = oidToString(contentOf(der, type))
    if (name === Oids.messageDigest && value.tag === 0x04) messageDigest = Buffer.from(contentOf(der, value))
    if (name === Oids.signingTime) signingTime = parseTime(der, value)
    if (name === Oids.contentType && value.tag === 0x06) contentType = oidToString(contentOf(der, value))
  }
  if (contentType !== Oids.data || messageDigest === null) throw new Invalid('unreadableSignature')

  // The signer: the certificate whose issuer and serial number the SignerInfo names.
  const [issuer, serial] = childrenOf(der, sid)
  const wantedIssuer = bytesOf(der, need(issuer))
  const wantedSerial = bytesOf(der, need(serial))
  const signerDer = (certificates ? childrenOf(der, certificates) : [])
    .map((c) => Buffer.from(bytesOf(der, c)))
    .find((c) => {
      const p = certificateParts(c)
      return p.issuer.equals(wantedIssuer) && p.serial.equals(wantedSerial)
    })
  const certificateDer = need(signerDer)
  const certificate = forge.pki.certificateFromAsn1(forge.asn1.fromDer(certificateDer.toString('binary')))

  const attrs = bytesOf(der, signedAttrs)
  return {
    digest,
    messageDigest,
    signingTime,
    signedAttributes: Buffer.concat([Buffer.from([0x31]), attrs.subarray(1)]),
    signature: Buffer.from(contentOf(der, signature)),
    signerCertificate: { der: certificateDer, forge: certificate },
  }
}

function algorithmOid(der: Buffer, algorithm: Tlv): string {
  const [id] = childrenOf(der, algorithm)
  if (id?.tag !== 0x06) throw new Invalid('unreadableSignature')
  return oidToString(contentOf(der, id))
}
