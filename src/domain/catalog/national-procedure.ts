import { type Static, Type } from 'typebox'
import { Fee, RequiredDocument } from './procedure.ts'
import { Publication } from './publication.ts'
import { DateOnly } from './source.ts'
import { TimeLimit } from './time-limit.ts'

/**
 * A procedure as the National Database on Administrative Procedures (Cơ sở dữ liệu quốc gia về thủ
 * tục hành chính, Decree 63/2010/NĐ-CP Art. 24) publishes it, in motcua's terms. Only these parts
 * come from the national database; everything else of a version (units, steps, the reduced limit,
 * online level, cut-off, form) is the province's own configuration and a sync never touches it.
 */
export const NationalProcedure = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z0-9.-]+$', description: 'Mã TTHC in the national database' }),
  name: Type.String({ minLength: 1, description: 'Tên thủ tục hành chính' }),
  level: Type.Union([Type.Literal('province'), Type.Literal('commune'), Type.Literal('central')], {
    description: 'Cấp thực hiện',
  }),
  fieldName: Type.String({ minLength: 1, description: 'Tên lĩnh vực as published, matched to the catalogue’s fields' }),
  legalBasis: Type.Array(Type.String(), { description: 'Căn cứ pháp lý: document numbers' }),
  statutoryTimeLimit: Type.Union([TimeLimit, Type.Null()], {
    description:
      'Thời hạn giải quyết in the law: the direct channel’s, else the first published; null = none published',
  }),
  fees: Type.Array(Fee),
  requiredDocuments: Type.Array(RequiredDocument),
  publication: Publication,
  repealedOn: Type.Union([DateOnly, Type.Null()], { description: 'Ngày bãi bỏ when the procedure was repealed' }),
  sourceUrl: Type.Union([Type.String(), Type.Null()], { description: 'The record’s page on the national database' }),
})
export type NationalProcedure = Static<typeof NationalProcedure>

/** A national procedure whose field was found in the province's catalogue. */
export const SyncedProcedure = Type.Object({
  ...NationalProcedure.properties,
  fieldId: Type.String({ description: 'The catalogue field the published field name matched' }),
})
export type SyncedProcedure = Static<typeof SyncedProcedure>
