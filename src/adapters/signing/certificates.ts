import { randomBytes } from 'node:crypto'
import forge from 'node-forge'

/** A certificate and its private key, both PEM. */
export type KeyPairPem = { readonly certificatePem: string; readonly privateKeyPem: string }

export const demoCaName = 'Cơ quan chứng thực thử nghiệm motcua (demo)'

/** A name's parts, as plain (JavaScript) strings; Vietnamese letters welcome. */
export type SubjectName = { readonly commonName: string; readonly organization: string; readonly country: string }

const caValidityYears = 10
const agencyValidityYears = 3

/**
 * Distinguished-name attributes encoded as UTF8String (the country as PrintableString, as X.520
 * requires). node-forge's encoder itself runs UTF8String values through `forge.util.encodeUtf8`, so
 * the values here are plain strings; passing them pre-encoded would encode them twice.
 */
function nameAttributes(name: SubjectName): forge.pki.CertificateField[] {
  const utf8 = forge.asn1.Type.UTF8
  return asFields([
    { shortName: 'C', value: name.country, valueTagClass: forge.asn1.Type.PRINTABLESTRING },
    { shortName: 'O', value: name.organization, valueTagClass: utf8 },
    { shortName: 'CN', value: name.commonName, valueTagClass: utf8 },
  ])
}

/** A name attribute as node-forge really reads it (its typings call the value's tag an asn1.Class). */
type NameField = { shortName?: string; type?: string; value: string; valueTagClass?: number }
const asFields = (fields: NameField[]) => fields as unknown as forge.pki.CertificateField[]
const asNameField = (field: forge.pki.CertificateField) => field as unknown as NameField

/**
 * A parsed certificate's name attributes, ready to be written again: node-forge keeps UTF8String
 * values as their raw UTF-8 bytes when parsing but encodes them when writing, so they are decoded
 * first (otherwise the issuer of a certificate would differ from its CA's subject — the double
 * encoding that makes `pdfsig` reject such signatures).
 */
function reusableAttributes(attributes: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return asFields(
    attributes.map(asNameField).map((a) => ({
      ...(a.shortName ? { shortName: a.shortName } : { type: a.type }),
      value: a.valueTagClass === forge.asn1.Type.UTF8 ? forge.util.decodeUtf8(a.value) : a.value,
      ...(a.valueTagClass === undefined ? {} : { valueTagClass: a.valueTagClass }),
    })),
  )
}

/** A positive serial number of 16 random bytes, as hex. */
function serialNumber(): string {
  const bytes = randomBytes(16)
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01
  return bytes.toString('hex')
}

function validity(cert: forge.pki.Certificate, now: Date, years: number): void {
  cert.validity.notBefore = new Date(now.getTime() - 3_600_000)
  const notAfter = new Date(now.getTime())
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years)
  cert.validity.notAfter = notAfter
}

/** A self-signed demo certification authority (RSA 2048, SHA-256). */
export function generateDemoCa(now: Date): KeyPairPem {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serialNumber()
  validity(cert, now, caValidityYears)
  const name = nameAttributes({ commonName: demoCaName, organization: 'motcua', country: 'VN' })
  cert.setSubject(name)
  cert.setIssuer(name)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey) }
}

/** A signing certificate for an agency (RSA 2048, SHA-256), issued by `ca`. */
export function generateAgencyCertificate(ca: KeyPairPem, subject: SubjectName, now: Date): KeyPairPem {
  const caCert = forge.pki.certificateFromPem(ca.certificatePem)
  const caKey = forge.pki.privateKeyFromPem(ca.privateKeyPem)
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serialNumber()
  validity(cert, now, agencyValidityYears)
  cert.setSubject(nameAttributes(subject))
  cert.setIssuer(reusableAttributes(caCert.subject.attributes))
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ])
  cert.sign(caKey, forge.md.sha256.create())
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey) }
}

/** The common name of a certificate, decoded (UTF8String values are kept as raw bytes by node-forge). */
export function commonNameOf(cert: forge.pki.Certificate): string | null {
  const found = cert.subject.getField('CN') as forge.pki.CertificateField | null
  if (!found) return null
  const field = asNameField(found)
  if (typeof field.value !== 'string') return null
  return field.valueTagClass === forge.asn1.Type.UTF8 ? forge.util.decodeUtf8(field.value) : field.value
}
