import { DOMParser, type Node } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'

const dsig = 'http://www.w3.org/2000/09/xmldsig#'

/** Whether a received package's XML signature holds: over the whole package, with the certificate it carries. */
export type SignatureCheck = 'valid' | 'invalid' | 'absent'

/**
 * Kiểm tra chữ ký số của gói tin nhận được: exactly one XMLDSig signature whose reference covers the
 * whole package (URI=""), checked with the X.509 certificate in its KeyInfo. Whether that certificate
 * is the sender's, issued by a CA we trust, is NOT checked: motcua holds no list of the other agencies'
 * CAs (rules.md "Document exchange"). A second signature, or one over part of the package, is invalid.
 */
export function checkPackageSignature(xml: string): SignatureCheck {
  let signatures: ArrayLike<Node>
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message)
      },
    })
    signatures = parser
      .parseFromString(xml, 'text/xml')
      .getElementsByTagNameNS(dsig, 'Signature') as unknown as ArrayLike<Node>
  } catch {
    return 'invalid'
  }
  if (signatures.length === 0) return 'absent'
  const signature = signatures[0]
  if (signatures.length > 1 || !signature) return 'invalid'
  const checker = new SignedXml({ getCertFromKeyInfo: SignedXml.getCertFromKeyInfo })
  try {
    checker.loadSignature(signature)
    if (checker.getReferences().some((r) => r.uri !== '')) return 'invalid'
    return checker.checkSignature(xml) ? 'valid' : 'invalid'
  } catch {
    return 'invalid'
  }
}
