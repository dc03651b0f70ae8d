import { optionalText, readXml, type XmlNode } from './xml-reader.ts'

/** What a status reply must name about the package it answers (Status/ResponseFor) and who is answering. */
export type ReplyReference = {
  readonly responseFor: {
    readonly organId: string
    readonly code: string
    readonly promulgatedOn: string
    readonly documentId: string
  }
  /** The QCVN 102 codes the package was addressed to (MessageHeader/To/OrganId), as far as they can be read. */
  readonly addressedTo: readonly string[]
}

const child = (node: unknown, name: string): XmlNode | undefined => {
  const value = (node as XmlNode | undefined)?.[name]
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : undefined
}

/**
 * Reads, from a package that may be malformed, what a rejection (StatusCode 02) has to name. Whatever
 * cannot be read falls back to `fallback` (the sender as the axis reported it, the axis's id as the
 * document id, today): a rejected package still gets its answer (rules.md "Document exchange").
 */
export function replyReference(
  xml: string,
  fallback: { organId: string; documentId: string; today: string },
): ReplyReference {
  const read = readXml(xml)
  const header = read.ok
    ? child(child(child(child(read.root, 'edXML'), 'edXMLEnvelope'), 'edXMLHeader'), 'MessageHeader')
    : undefined
  const code = child(header, 'Code')
  const number = optionalText(code, 'CodeNumber')
  const notation = optionalText(code, 'CodeNotation')
  const day = optionalText(child(header, 'PromulgationInfo'), 'PromulgationDate') ?? ''
  const to = (header?.To as XmlNode[] | undefined) ?? []
  return {
    responseFor: {
      organId: optionalText(child(header, 'From'), 'OrganId') || fallback.organId,
      code: number && notation ? `${number}/${notation}` : '-',
      promulgatedOn: /^\d{4}\/\d{2}\/\d{2}$/.test(day) ? day.replaceAll('/', '-') : fallback.today,
      documentId: optionalText(header, 'DocumentId') || fallback.documentId,
    },
    addressedTo: to.map((t) => optionalText(t, 'OrganId') ?? '').filter((c) => c !== ''),
  }
}
