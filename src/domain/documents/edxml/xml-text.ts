/** The namespace of QCVN 102:2016 packages, as the published samples of the national axis write it. */
export const edxmlNamespace = 'http://www.mic.gov.vn/TBT/QCVN_102_2016'

/** Text as XML character data: the five markup characters escaped, characters XML 1.0 forbids refused. */
export function xmlText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 cannot carry
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(value))
    throw new RangeError('text holds a character XML 1.0 cannot carry')
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}

/** `<edXML:name>text</edXML:name>`, or nothing for an absent value. */
export function element(name: string, value: string | number | undefined | null): string {
  if (value === undefined || value === null) return ''
  return `<edXML:${name}>${xmlText(String(value))}</edXML:${name}>`
}

/** `<edXML:name>…children…</edXML:name>` */
export const group = (name: string, ...children: string[]): string =>
  `<edXML:${name}>${children.join('')}</edXML:${name}>`

/** A day YYYY-MM-DD as the packages write it: YYYY/MM/DD. */
export const edxmlDay = (day: string): string => day.replaceAll('-', '/')

/** An instant as the packages write it, in Vietnam time (UTC+7): YYYY/MM/DD HH:mm:ss. */
export function edxmlTimestamp(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000).toISOString()
  return `${local.slice(0, 10).replaceAll('-', '/')} ${local.slice(11, 19)}`
}

/** The inverse of edxmlTimestamp; null when the text is not one. */
export function instantOfTimestamp(text: string): Date | null {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text)
  if (!m) return null
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`)
  return Number.isNaN(at.getTime()) ? null : at
}
