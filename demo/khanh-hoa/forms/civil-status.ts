import { isoDate, type JsonSchema, object, text } from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { LayoutField, LocalText, ResultTemplate } from '../../../src/domain/declarations/form-definition.ts'
import { choice, field, type LayoutSection, person, personFields, type ResultLine, t } from './people.ts'

// What the civil status declarations of Circular 04/2020/TT-BTP (as replaced by 04/2024/TT-BTP) share.

/** Người yêu cầu: họ tên, nơi cư trú, giấy tờ tùy thân (số định danh), quan hệ với người được đăng ký. */
export const requester = (ctx: FormContext) =>
  person(ctx, ['fullName', 'identityNumber', 'residence', 'relationship', 'phone'], ['phone'])

export function requesterSection(relationship: LocalText): LayoutSection {
  return {
    id: 'requester',
    title: t('Người yêu cầu', 'Person making the request'),
    fields: personFields('requester', ['fullName', 'identityNumber', 'residence', 'relationship', 'phone'], {
      relationship,
    }),
  }
}

/** "Đề nghị cấp bản sao": how many extracts the requester wants besides the original. */
export const copies = { type: 'integer', minimum: 0, maximum: 20 }
export const copiesField = field('copies', t('Số bản sao đề nghị cấp', 'Copies requested'), 'number')

/** A decision field beyond the book entry (e.g. the child's personal identification number). */
export type DecisionField = { readonly name: string; readonly schema: JsonSchema; readonly field: LayoutField }

/** The civil status book entry the officer records: số, quyển số, ngày đăng ký (and any `extra`). */
export function registrationResult(
  title: LocalText,
  lines: ResultLine[],
  extra: readonly DecisionField[] = [],
): ResultTemplate {
  return {
    title,
    decisionSchema: object({
      registrationNumber: text(20),
      book: text(20),
      registeredOn: isoDate,
      ...Object.fromEntries(extra.map((e) => [e.name, e.schema])),
    }),
    decisionLayout: [
      {
        id: 'registration',
        title: t('Đăng ký', 'Registration'),
        fields: [
          field('registrationNumber', t('Số', 'Number'), 'text'),
          field('book', t('Quyển số', 'Book'), 'text'),
          field('registeredOn', t('Ngày đăng ký', 'Date of registration'), 'date'),
          ...extra.map((e) => e.field),
        ],
      },
    ],
    lines: [
      ...lines,
      { label: t('Số đăng ký', 'Registration number'), from: 'decision', path: 'registrationNumber' },
      { label: t('Quyển số', 'Book'), from: 'decision', path: 'book' },
      { label: t('Ngày đăng ký', 'Date of registration'), from: 'decision', path: 'registeredOn' },
    ],
  }
}

/** Where a birth took place, as Circular 04/2020/TT-BTP art. 31 says to write it. */
export const birthPlaceKind = choice('Thông tư 04/2020/TT-BTP, Điều 31 khoản 3 (cách ghi nơi sinh)', [
  ['facility', 'Tại cơ sở y tế', 'At a health facility'],
  ['elsewhere', 'Ngoài cơ sở y tế', 'Elsewhere in Viet Nam'],
  ['abroad', 'Ở nước ngoài', 'Abroad'],
])
