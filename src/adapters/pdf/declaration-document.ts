import { dateOfDay, dayOf, type EpochMs } from '../../domain/calendar/local-time.ts'
import { type DeclaredEntry, declaredSections, type PlaceNames } from '../../domain/declarations/declared-values.ts'
import type { Declaration, FormDefinition } from '../../domain/declarations/form-definition.ts'
import {
  B,
  contentWidth,
  type Doc,
  drawSignatures,
  drawTable,
  ensureRoom,
  newPdf,
  pdfBuffer,
  R,
  size,
} from './render-form.ts'

/** What the declaration prints besides its data: who it is addressed to, by whom, where and when. */
export type DeclarationFacts = {
  /** Kính gửi: the receiving agency's name in force. */
  readonly receivingAgency: string
  /** The place of the place-and-date line (the province). */
  readonly place: string
  /** When the declaration was made (submission), Vietnam time on the page. */
  readonly declaredAt: EpochMs
  /** The declarant (người khai): the applicant. */
  readonly declarantName: string
  /** The dossier's code once received, else null. */
  readonly dossierCode: string | null
  readonly names?: PlaceNames
}

/** The fixed wording of a declaration (the civil status forms of Circular 04/2020/TT-BTP share it). */
const wording = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  to: 'Kính gửi: {agency}',
  code: 'Mã hồ sơ: {code}',
  pledge:
    'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.',
  placeDate: 'Làm tại: {place}, ngày {dd} tháng {mm} năm {yyyy}',
  declarant: 'NGƯỜI KHAI',
  signNote: '(Ký, ghi rõ họ, chữ đệm, tên)',
  blank: '……………………………',
  number: 'STT',
}

const fill = (pattern: string, values: Record<string, string>) =>
  pattern.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '')
const pad = (n: number) => String(n).padStart(2, '0')

function heading(doc: Doc, form: FormDefinition, facts: DeclarationFacts) {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  doc.font(B).fontSize(size.body).text(wording.nation, left, doc.y, { width, align: 'center' })
  doc.text(wording.motto, { width, align: 'center' })
  const mottoW = doc.widthOfString(wording.motto)
  const lineY = doc.y + 1
  doc
    .moveTo(left + (width - mottoW) / 2, lineY)
    .lineTo(left + (width + mottoW) / 2, lineY)
    .lineWidth(0.6)
    .stroke()
  doc.moveDown(1.2)
  doc.font(B).fontSize(size.title).text(form.title.vi.toLocaleUpperCase('vi'), left, doc.y, { width, align: 'center' })
  doc.moveDown(0.5)
  doc
    .font(R)
    .fontSize(size.body)
    .text(fill(wording.to, { agency: facts.receivingAgency }), left, doc.y, { width, align: 'center' })
  if (facts.dossierCode)
    doc
      .fontSize(size.small)
      .text(fill(wording.code, { code: facts.dossierCode }), left, doc.y, { width, align: 'center' })
  doc.moveDown(0.8)
}

function entry(doc: Doc, e: DeclaredEntry) {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  if (e.kind === 'field') {
    ensureRoom(doc, 16)
    doc.font(R).fontSize(size.body).text(`${e.label.vi}: `, left, doc.y, { width, continued: true })
    doc.font(B).text(e.value || wording.blank)
    return
  }
  ensureRoom(doc, 16)
  doc.font(R).fontSize(size.body).text(`${e.label.vi}:`, left, doc.y, { width })
  const share = 0.92 / Math.max(1, e.columns.length)
  drawTable(doc, {
    kind: 'table',
    columns: [
      { title: wording.number, width: 0.08, align: 'center' },
      ...e.columns.map((c) => ({ title: c.label.vi, width: share })),
    ],
    rows: e.rows.map((row, i) => [String(i + 1), ...row.map((cell) => cell.value)]),
  })
}

/**
 * Tờ khai: the declaration as the official form prints it — the national motto, the form's title,
 * "Kính gửi" the receiving agency, the layout's sections with labels and values, the pledge and the
 * declarant's signature block with place and date. A4, Be Vietnam Pro embedded.
 */
export function renderDeclarationDocument(
  form: FormDefinition,
  declaration: Pick<Declaration, 'data'>,
  facts: DeclarationFacts,
): Promise<Buffer> {
  const doc = newPdf('portrait', form.title.vi, new Date(facts.declaredAt))
  doc.y = doc.page.margins.top
  heading(doc, form, facts)
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  for (const section of declaredSections(form, declaration.data, facts.names)) {
    ensureRoom(doc, 40)
    doc.font(B).fontSize(size.body).text(section.title.vi, left, doc.y, { width })
    doc.moveDown(0.2)
    for (const e of section.entries) entry(doc, e)
    doc.moveDown(0.5)
  }
  ensureRoom(doc, 40)
  doc.font(R).fontSize(size.body).text(wording.pledge, left, doc.y, { width, align: 'justify' })
  doc.moveDown(0.8)
  const day = dateOfDay(dayOf(facts.declaredAt))
  const placeDate = fill(wording.placeDate, {
    place: facts.place,
    dd: pad(day.day),
    mm: pad(day.month),
    yyyy: String(day.year),
  })
  ensureRoom(doc, 130)
  doc
    .font(R)
    .fontSize(size.body)
    .text(placeDate, left + width / 2, doc.y, { width: width / 2, align: 'center' })
  drawSignatures(doc, {
    kind: 'signatures',
    blocks: [{ title: wording.declarant, note: wording.signNote, name: facts.declarantName }],
  })
  return pdfBuffer(doc)
}
