import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { invalid, missing, type PackageProblem } from './package-problem.ts'

/** Elements that may repeat: read as arrays even when one is present. */
const repeated = new Set(['To', 'Reference', 'Attachment', 'TraceHeader', 'Appendix'])

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name, jpath) => repeated.has(name) || String(jpath).endsWith('ToPlaces.Place'),
})

export type XmlNode = Record<string, unknown>

/** The document as nested objects (namespace prefixes dropped), or the problem that it is not well-formed XML. */
export function readXml(xml: string): { ok: true; root: XmlNode } | { ok: false; problem: PackageProblem } {
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    return {
      ok: false,
      problem: invalid('/', {
        vi: `không phải XML hợp lệ (dòng ${valid.err.line}: ${valid.err.msg})`,
        en: `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
      }),
    }
  return { ok: true, root: parser.parse(xml) as XmlNode }
}

/** Reads required and optional text children, collecting a problem for each one missing. */
export class Reader {
  readonly problems: PackageProblem[] = []

  node(parent: unknown, name: string, path: string): XmlNode | undefined {
    const value = (parent as XmlNode | undefined)?.[name]
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as XmlNode
    this.problems.push(missing(`${path}/${name}`))
    return undefined
  }

  list(parent: unknown, name: string): XmlNode[] {
    const value = (parent as XmlNode | undefined)?.[name]
    return Array.isArray(value) ? value.filter((v): v is XmlNode => v !== null && typeof v === 'object') : []
  }

  text(parent: unknown, name: string, path: string): string {
    const value = optionalText(parent, name)
    if (value === undefined || value === '') {
      this.problems.push(missing(`${path}/${name}`))
      return ''
    }
    return value
  }

  check(ok: boolean, path: string, what: { vi: string; en: string }): void {
    if (!ok) this.problems.push(invalid(path, what))
  }
}

export function optionalText(parent: unknown, name: string): string | undefined {
  const value = (parent as XmlNode | undefined)?.[name]
  if (typeof value === 'string') return value
  if (value !== null && typeof value === 'object' && '#text' in value) return String((value as XmlNode)['#text'])
  return undefined
}
