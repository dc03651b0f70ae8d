import { createPrivateKey, X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { KeyPairPem } from './certificates.ts'

/** The key or certificate files cannot be used; the message names the file, Vietnamese then English. */
export class SigningFilesError extends Error {}

function read(path: string, what: { vi: string; en: string }): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new SigningFilesError(`không đọc được ${what.vi} ${path} / cannot read the ${what.en} ${path}: ${reason}`)
  }
}

/**
 * The signing key and its certificate from two PEM files (an operator's, e.g. the province's
 * certificate for the axis): both must parse and the key must be the certificate's.
 */
export function loadSigningFiles(files: { readonly keyFile: string; readonly certificateFile: string }): KeyPairPem {
  const privateKeyPem = read(files.keyFile, { vi: 'tệp khóa', en: 'key file' })
  const certificatePem = read(files.certificateFile, { vi: 'tệp chứng thư', en: 'certificate file' })
  let matches: boolean
  try {
    matches = new X509Certificate(certificatePem).checkPrivateKey(createPrivateKey(privateKeyPem))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new SigningFilesError(
      `khóa hoặc chứng thư không phải PEM hợp lệ / the key or certificate is not valid PEM: ${reason}`,
    )
  }
  if (!matches)
    throw new SigningFilesError(
      `khóa ${files.keyFile} không khớp chứng thư ${files.certificateFile} / the key does not match the certificate`,
    )
  return { privateKeyPem, certificatePem }
}
