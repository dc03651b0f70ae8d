import { join } from 'node:path'
import PDFDocument from 'pdfkit'

const fonts = join(import.meta.dirname, '..', '..', '..', 'node_modules', '@expo-google-fonts', 'be-vietnam-pro')
const regular = join(fonts, '400Regular', 'BeVietnamPro_400Regular.ttf')
const bold = join(fonts, '700Bold', 'BeVietnamPro_700Bold.ttf')

/** What the electronic result (kết quả điện tử) states. */
export type ResultDocument = {
  readonly agencyName: string
  readonly resultName: string
  readonly resultNumber: string
  readonly applicantName: string
  readonly procedureName: string
  readonly dossierCode: string
  /** "ngày dd tháng mm năm yyyy" in Vietnam time */
  readonly issuedOn: string
}

/** An A4 PDF of the result, in Vietnamese with an embedded font; signed afterwards by the agency. */
export function renderResultDocument(doc: ResultDocument, createdAt: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: doc.resultName, CreationDate: createdAt } })
    const chunks: Buffer[] = []
    pdf.on('data', (c: Buffer) => chunks.push(c))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
    pdf.registerFont('regular', regular)
    pdf.registerFont('bold', bold)
    pdf.font('bold').fontSize(11).text(doc.agencyName.toUpperCase(), { align: 'left' })
    pdf.moveUp().text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'right' })
    pdf.font('regular').text('Độc lập - Tự do - Hạnh phúc', { align: 'right' })
    pdf.text(`Số: ${doc.resultNumber}`, { align: 'left' })
    pdf.moveDown(2)
    pdf.font('bold').fontSize(16).text(doc.resultName.toUpperCase(), { align: 'center' })
    pdf.moveDown()
    pdf.font('regular').fontSize(12)
    pdf.text(`Cấp cho: ${doc.applicantName}`)
    pdf.text(`Thủ tục: ${doc.procedureName}`)
    pdf.text(`Mã hồ sơ: ${doc.dossierCode}`)
    pdf.moveDown()
    pdf.text(`${doc.issuedOn}`, { align: 'right' })
    pdf.moveDown(2)
    pdf.fontSize(10).text(`Văn bản điện tử có chữ ký số của ${doc.agencyName}.`, { align: 'center' })
    pdf.end()
  })
}
