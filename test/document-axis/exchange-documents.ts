import { createHash } from 'node:crypto'
import fc from 'fast-check'
import type {
  ExchangeAttachment,
  OutgoingDocumentForExchange,
} from '../../src/domain/documents/edxml/exchange-document.ts'

export const attachment = (name: string, text: string, mediaType = 'application/pdf'): ExchangeAttachment => {
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'))
  return { name, mediaType, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/** A consultation letter (công văn lấy ý kiến) from the provincial committee to a department of another province. */
export const consultationLetter = (over: Partial<OutgoingDocumentForExchange> = {}): OutgoingDocumentForExchange => ({
  from: { organId: '000.00.00.H34', name: 'Ủy ban nhân dân tỉnh Khánh Hòa' },
  recipients: [{ organId: '000.00.07.H31', name: 'Sở Y tế tỉnh Lâm Đồng' }],
  number: '123',
  notation: 'UBND-VP',
  place: 'Khánh Hòa',
  promulgatedOn: '2026-12-03',
  type: { code: '1', name: 'Công văn' },
  subject: 'V/v lấy ý kiến về hồ sơ cấp phép hoạt động khám bệnh, chữa bệnh',
  signer: { fullName: 'Nguyễn Thị Hằng', position: 'Phó Chủ tịch', competence: 'KT. CHỦ TỊCH' },
  urgency: 'urgent',
  dueOn: '2026-12-10',
  attachments: [attachment('123-UBND-VP.pdf', '%PDF-1.7 công văn')],
  ...over,
})

const vietnamese = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐẮỐỨ'
const chars = [...vietnamese, ...'0123456789 ,./-&<>"\'']

/** Vietnamese text with diacritics and XML's markup characters, without edge spaces (XML readers trim them). */
export const vietnameseText = fc
  .array(fc.constantFrom(...chars), { minLength: 1, maxLength: 60 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0)

const code = (l1: string) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 10, max: 99 }),
    )
    .map(
      ([a, b, c, d]) =>
        `${String(a).padStart(3, '0')}.${String(b).padStart(2, '0')}.${String(c).padStart(2, '0')}.${l1}${d}`,
    )

const day = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

/** Any outgoing document motcua might send: Vietnamese fields, one to three recipients and files. */
export const anyDocument: fc.Arbitrary<OutgoingDocumentForExchange> = fc.record({
  from: fc.record({ organId: code('H'), name: vietnameseText }),
  recipients: fc.array(fc.record({ organId: code('G'), name: vietnameseText }), { minLength: 1, maxLength: 3 }),
  number: fc.integer({ min: 1, max: 9999 }).map(String),
  notation: fc.constantFrom('UBND-VP', 'SYT-NVY', 'QĐ-UBND', 'STP-HCTP'),
  place: vietnameseText,
  promulgatedOn: day,
  type: fc.record({ code: fc.integer({ min: 1, max: 40 }).map(String), name: vietnameseText }),
  subject: vietnameseText,
  content: vietnameseText,
  signer: fc.record({ fullName: vietnameseText, position: vietnameseText, competence: vietnameseText }),
  dueOn: day,
  urgency: fc.constantFrom('normal', 'urgent', 'very-urgent', 'express'),
  toPlaces: fc.array(vietnameseText, { minLength: 1, maxLength: 3 }),
  responseFor: fc.record({
    organId: code('H'),
    number: fc.integer({ min: 1, max: 999 }).map(String),
    notation: fc.constant('SYT-NVY'),
    promulgatedOn: day,
  }),
  attachments: fc.array(
    fc.tuple(vietnameseText, fc.uint8Array({ minLength: 0, maxLength: 300 })).map(([name, bytes]) => ({
      name: `${name}.pdf`,
      mediaType: 'application/pdf',
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    })),
    { minLength: 1, maxLength: 3 },
  ),
})
