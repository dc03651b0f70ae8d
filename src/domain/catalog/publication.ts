import { type Static, Type } from 'typebox'
import { DateOnly } from './source.ts'
import { TimeLimit } from './time-limit.ts'

/** Văn bản căn cứ pháp lý: a legal document the procedure rests on, with the day it takes effect. */
export const LegalBasisDocument = Type.Object({
  number: Type.String({ minLength: 1, description: 'Số ký hiệu, e.g. 123/2015/NĐ-CP' }),
  title: Type.String({ description: 'Trích yếu: what the document is about, as published' }),
  effectiveFrom: Type.Union([DateOnly, Type.Null()], {
    description: 'Ngày có hiệu lực; null when the national database does not publish it',
  }),
})
export type LegalBasisDocument = Static<typeof LegalBasisDocument>

/** The national limits per channel (KenhThucHien 1 trực tiếp, 2 trực tuyến, 3 bưu chính) as published. */
export const ChannelLimits = Type.Object({
  direct: Type.Union([TimeLimit, Type.Null()], { description: 'Nộp trực tiếp; null = not offered or not published' }),
  online: Type.Union([TimeLimit, Type.Null()], { description: 'Nộp trực tuyến; null = not offered or not published' }),
  postal: Type.Union([TimeLimit, Type.Null()], { description: 'Qua dịch vụ bưu chính; null = not offered' }),
})
export type ChannelLimits = Static<typeof ChannelLimits>

/**
 * Công bố, công khai thủ tục hành chính: how the procedure was published (Decree 63/2010/NĐ-CP
 * Art. 15–17, as amended by Decree 92/2017/NĐ-CP) and the components of Art. 8(2) the catalogue
 * did not hold before. It comes from the national database; motcua does not edit it.
 */
export const Publication = Type.Object({
  decisionNumber: Type.String({ minLength: 1, description: 'Số quyết định công bố, e.g. 163/QĐ-BTP' }),
  decisionDate: DateOnly,
  madePublicOn: Type.Union([DateOnly, Type.Null()], {
    description: 'Ngày công khai trên Cơ sở dữ liệu quốc gia về TTHC; null = not yet made public',
  }),
  legalBasis: Type.Array(LegalBasisDocument, { description: 'Căn cứ pháp lý with their effective dates' }),
  sequence: Type.String({ description: 'Trình tự thực hiện (Art. 8(2)(b)); empty = not published' }),
  method: Type.String({ description: 'Cách thức thực hiện (Art. 8(2)(c)); empty = not published' }),
  applicants: Type.String({ description: 'Đối tượng thực hiện (Art. 8(2)(e)); empty = not published' }),
  channelLimits: ChannelLimits,
  forms: Type.Array(
    Type.Object({
      name: Type.String({ description: 'Tên mẫu đơn, tờ khai' }),
      url: Type.Union([Type.String(), Type.Null()], { description: 'Where the national database publishes it' }),
    }),
    { description: 'Mẫu đơn, tờ khai as published (names and links; the e-form itself stays local)' },
  ),
})
export type Publication = Static<typeof Publication>

/**
 * The provincial decision approving the procedure's internal process (quy trình nội bộ) that cut
 * the limit below the statute (the reform's "cut by 1/3 to 1/2"): local, kept across syncs.
 */
export const ReducedBy = Type.Object({
  decisionNumber: Type.String({ minLength: 1, description: 'Số quyết định of the provincial People’s Committee' }),
  decisionDate: DateOnly,
})
export type ReducedBy = Static<typeof ReducedBy>
