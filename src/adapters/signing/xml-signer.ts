import { SignedXml } from 'xml-crypto'
import type { KeyPairPem } from './certificates.ts'

const exclusiveC14n = 'http://www.w3.org/2001/10/xml-exc-c14n#'
const enveloped = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'

/**
 * Ký số gói tin edXML: an enveloped XML signature (XMLDSig) over the whole package (Reference URI=""),
 * RSA-SHA256 with SHA-256 digests and exclusive canonicalisation, the agency's X.509 certificate in
 * KeyInfo, placed last in edXMLHeader as the axis's published samples place it. The samples sign with
 * RSA-SHA1; SHA-256 is our choice (rules.md "Document exchange").
 */
export function signPackage(xml: string, key: KeyPairPem): string {
  const signer = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: exclusiveC14n,
  })
  signer.addReference({
    xpath: '/*',
    isEmptyUri: true,
    transforms: [enveloped, exclusiveC14n],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  })
  signer.computeSignature(xml, {
    location: { reference: "//*[local-name(.)='edXMLHeader']", action: 'append' },
  })
  return signer.getSignedXml()
}
