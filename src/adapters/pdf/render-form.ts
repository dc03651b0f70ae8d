import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import bwipjs from 'bwip-js'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import type { FormBlock, FormDocument } from '../../domain/forms/form-document.ts'

export type Doc = InstanceType<typeof PDFDocument>

const require = createRequire(import.meta.url)
const fontDir = dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'))
let fonts: { regular: Buffer; bold: Buffer } | null = null
/** Be Vietnam Pro, read once: every Vietnamese letter with its diacritics has a glyph. */
export function formFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(join(fontDir, '400Regular', 'BeVietnamPro_400Regular.ttf')),
    bold: readFileSync(join(fontDir, '700Bold', 'BeVietnamPro_700Bold.ttf')),
  }
  return fonts
}

/** Font names registered by `newPdf`, and the sizes the forms use. */
export const R = 'BeVietnamPro'
export const B = 'BeVietnamPro-Bold'
export const size = { small: 9, body: 11, title: 13 }

/**
 * A new A4 document with the fonts embedded and a fixed creation date (identical input → identical text);
 * `subject` names the form and circular it follows.
 */
export function newPdf(orientation: 'portrait' | 'landscape', title: string, createdAt: Date, subject?: string): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    layout: orientation,
    margins: { top: 40, bottom: 40, left: 50, right: 40 },
    info: {
      Title: title,
      ...(subject === undefined ? {} : { Subject: subject }),
      Creator: 'motcua',
      Producer: 'motcua',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  })
  const f = formFonts()
  doc.registerFont(R, f.regular)
  doc.registerFont(B, f.bold)
  doc.font(R).fontSize(size.body)
  return doc
}

export function pdfBuffer(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}

export const contentWidth = (doc: Doc): number => doc.page.width - doc.page.margins.left - doc.page.margins.right
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom

export function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

/** National heading: the agency left, the country and motto right, number and place-date below. */
function heading(doc: Doc, form: FormDocument) {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const leftW = width * 0.4
  const rightW = width * 0.6
  const top = doc.y
  if (form.formLabel)
    doc
      .font(R)
      .fontSize(size.small)
      .text(form.formLabel, left, top - 14, { width, align: 'right' })
  doc
    .font(B)
    .fontSize(size.small + 1)
    .text(form.header.agency, left, top, { width: leftW, align: 'center' })
  const leftEnd = doc.y
  doc
    .font(B)
    .fontSize(size.small + 1)
    .text(form.header.nation, left + leftW, top, { width: rightW, align: 'center' })
  doc
    .font(B)
    .fontSize(size.body)
    .text(form.header.motto, left + leftW, doc.y, { width: rightW, align: 'center' })
  const mottoW = doc.widthOfString(form.header.motto)
  const lineY = doc.y + 1
  doc
    .moveTo(left + leftW + (rightW - mottoW) / 2, lineY)
    .lineTo(left + leftW + (rightW + mottoW) / 2, lineY)
    .lineWidth(0.6)
    .stroke()
  const y = Math.max(leftEnd, doc.y) + 8
  if (form.header.number)
    doc
      .font(R)
      .fontSize(size.small)
      .text(form.header.number, left, y + 1, { width: leftW, align: 'center' })
  if (form.header.placeDate)
    doc
      .font(R)
      .fontSize(size.body)
      .text(form.header.placeDate, left + leftW, y, { width: rightW, align: 'center' })
  doc.x = left
  doc.y = Math.max(doc.y, y + 14) + 12
  doc.font(B).fontSize(size.title).text(form.title, left, doc.y, { width, align: 'center' })
  if (form.subtitle) doc.font(R).fontSize(size.body).text(form.subtitle, left, doc.y, { width, align: 'center' })
  doc.moveDown(0.8)
}

/** A bordered table whose header row repeats on each new page. */
export function drawTable(doc: Doc, block: Extract<FormBlock, { kind: 'table' }>): void {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const fontSize = doc.page.width > doc.page.height ? 7 : size.small + 0.5
  const xs: number[] = []
  let x = left
  for (const c of block.columns) {
    xs.push(x)
    x += c.width * width
  }
  const pad = 3
  const rowHeight = (cells: readonly string[], font: string) =>
    Math.max(
      ...block.columns.map(
        (c, i) =>
          doc
            .font(font)
            .fontSize(fontSize)
            .heightOfString(cells[i] ?? '', { width: c.width * width - 2 * pad }) +
          2 * pad,
      ),
    )
  const drawRow = (cells: readonly string[], font: string) => {
    const h = rowHeight(cells, font)
    const y = doc.y
    block.columns.forEach((c, i) => {
      const cx = xs[i] as number
      doc
        .lineWidth(0.5)
        .rect(cx, y, c.width * width, h)
        .stroke()
      doc
        .font(font)
        .fontSize(fontSize)
        .text(cells[i] ?? '', cx + pad, y + pad, { width: c.width * width - 2 * pad, align: c.align ?? 'left' })
    })
    doc.x = left
    doc.y = y + h
  }
  const titles = block.columns.map((c) => c.title)
  ensureRoom(doc, rowHeight(titles, B) + 20)
  drawRow(titles, B)
  for (const row of block.rows) {
    const h = rowHeight(row, R)
    if (doc.y + h > bottom(doc)) {
      doc.addPage()
      drawRow(titles, B)
    }
    drawRow(row, R)
  }
  doc.moveDown(0.6)
}

async function codes(doc: Doc, block: Extract<FormBlock, { kind: 'codes' }>) {
  const [barcode, qr] = await Promise.all([
    bwipjs.toBuffer({ bcid: 'code128', text: block.code, scale: 3, height: 10, includetext: false }),
    QRCode.toBuffer(block.url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
  ])
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const qrSize = 78
  ensureRoom(doc, qrSize + 10)
  const y = doc.y
  doc.image(barcode, left, y, { fit: [width - qrSize - 20, 38] })
  doc
    .font(B)
    .fontSize(size.body)
    .text(block.code, left, y + 42, { width: width - qrSize - 20 })
  doc
    .font(R)
    .fontSize(size.small - 1)
    .text(block.caption, left, doc.y + 2, { width: width - qrSize - 20 })
  doc.image(qr, left + width - qrSize, y, { width: qrSize, height: qrSize })
  doc.x = left
  doc.y = Math.max(doc.y, y + qrSize) + 8
}

/** Signature blocks side by side (one signer on the right), the name under the space to sign. */
export function drawSignatures(doc: Doc, block: Extract<FormBlock, { kind: 'signatures' }>): void {
  if (block.blocks.length === 0) return
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  ensureRoom(doc, 110)
  const y = doc.y + 10
  const colW = width / Math.max(2, block.blocks.length)
  block.blocks.forEach((s, i) => {
    // One signer signs on the right, as on the national forms.
    const x = block.blocks.length === 1 ? left + width - colW : left + i * colW
    doc.font(B).fontSize(size.body).text(s.title, x, y, { width: colW, align: 'center' })
    doc.font(R).fontSize(size.small).text(s.note, x, doc.y, { width: colW, align: 'center' })
    if (s.name)
      doc
        .font(B)
        .fontSize(size.body)
        .text(s.name, x, y + 80, { width: colW, align: 'center' })
  })
  doc.x = left
  doc.y = y + 100
}

/** A form as an A4 PDF, Be Vietnam Pro embedded, barcode and QR code on the receipt, its basis as the subject. */
export async function renderForm(form: FormDocument): Promise<Buffer> {
  const doc = newFormPdf(form)
  await drawForm(doc, form, drawSignatures)
  return pdfBuffer(doc)
}

/** A new PDF for `form`, its heading not yet drawn. */
export function newFormPdf(form: FormDocument): Doc {
  const doc = newPdf(form.orientation, form.title, new Date(form.issuedAt), form.basis)
  doc.y = doc.page.margins.top + 14
  return doc
}

/** Draws the form's heading and blocks; `signatures` draws its signature block (blank, or signed). */
export async function drawForm(
  doc: Doc,
  form: FormDocument,
  signatures: (doc: Doc, block: Extract<FormBlock, { kind: 'signatures' }>) => void,
): Promise<void> {
  heading(doc, form)
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  for (const block of form.blocks) {
    switch (block.kind) {
      case 'fields':
        for (const row of block.rows) {
          ensureRoom(doc, 16)
          doc.font(B).fontSize(size.body).text(`${row.label}: `, left, doc.y, { width, continued: true })
          doc.font(R).text(row.value)
        }
        doc.moveDown(0.3)
        break
      case 'paragraph':
        ensureRoom(doc, 16)
        doc
          .font(block.bold ? B : R)
          .fontSize(size.body)
          .text(block.text, left, doc.y, { width })
        doc.moveDown(0.3)
        break
      case 'table':
        drawTable(doc, block)
        break
      case 'codes':
        await codes(doc, block)
        break
      case 'signatures':
        signatures(doc, block)
        break
    }
  }
}
