import { codeLists } from './code-lists/index.ts'
import { address, declarationSchema, identityNumber, isoDate, object, personName, phone, text } from './field-kinds.ts'
import type { FormContext } from './form-context.ts'
import type { FormDefinition, LocalText } from './form-definition.ts'

const t = (vi: string, en: string): LocalText => ({ vi, en })

/** What the generic form needs to know of the procedure version it stands in for. */
export type GenericFormProcedure = {
  readonly code: string
  readonly version: number
  readonly name: string
  readonly resultName: string
}

/**
 * The example declaration (JSON Schema `examples`): a citizen of Phường Bắc Nha Trang (or the tree's first
 * commune when the tree has no such ward) asking for the procedure by its name.
 */
function example(procedure: GenericFormProcedure, ctx: FormContext) {
  const commune = ctx.communes.find((c) => c.code === '22333') ?? ctx.communes[0]
  return {
    applicant: {
      fullName: 'Nguyễn Văn An',
      birthDate: '1985-03-15',
      identityNumber: '056085001234',
      address: { province: ctx.provinceCode, commune: commune?.code ?? '22333', street: '10 Thái Nguyên' },
      phone: '0905123456',
    },
    request: {
      content: `Đề nghị giải quyết thủ tục: ${procedure.name}`,
      reason: 'Có nhu cầu theo quy định của pháp luật',
    },
  }
}

/**
 * Đơn đề nghị (generic): the declaration of a procedure that has no form of its own yet, so that no
 * procedure is formless. It asks what every request names: who asks (họ tên, ngày sinh, số định danh,
 * địa chỉ, điện thoại) and what and why; the result states its number and content.
 */
export function genericForm(procedure: GenericFormProcedure, ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t(`Đơn đề nghị: ${procedure.name}`, `Application: ${procedure.name}`),
    schema: {
      ...declarationSchema(
        `https://motcua.khanhhoa.gov.vn/forms/${procedure.code}/${procedure.version}/generic`,
        object({
          applicant: object({
            fullName: personName,
            birthDate: isoDate,
            identityNumber,
            address: address(ctx.provinceCode, ctx.communes),
            phone,
          }),
          request: object({ content: text(2000), reason: text(2000) }),
        }),
      ),
      examples: [example(procedure, ctx)],
    },
    layout: {
      steps: [
        {
          id: 'applicant',
          title: t('Người đề nghị', 'Applicant'),
          sections: [
            {
              id: 'applicant',
              title: t('Thông tin người đề nghị', 'About the applicant'),
              fields: [
                { path: 'applicant/fullName', label: t('Họ, chữ đệm và tên', 'Full name'), widget: 'text' },
                { path: 'applicant/birthDate', label: t('Ngày, tháng, năm sinh', 'Date of birth'), widget: 'date' },
                {
                  path: 'applicant/identityNumber',
                  label: t('Số định danh cá nhân', 'Personal identification number'),
                  widget: 'identity-number',
                },
                { path: 'applicant/address', label: t('Địa chỉ', 'Address'), widget: 'address' },
                { path: 'applicant/phone', label: t('Số điện thoại', 'Phone number'), widget: 'phone' },
              ],
            },
          ],
        },
        {
          id: 'request',
          title: t('Nội dung đề nghị', 'Request'),
          sections: [
            {
              id: 'request',
              title: t('Nội dung đề nghị', 'What is requested'),
              fields: [
                { path: 'request/content', label: t('Nội dung đề nghị', 'What you ask for'), widget: 'textarea' },
                { path: 'request/reason', label: t('Lý do', 'Reason'), widget: 'textarea' },
              ],
            },
          ],
        },
      ],
    },
    rules: [
      {
        kind: 'not-after-today',
        path: 'applicant/birthDate',
        message: t('Ngày sinh không thể sau ngày hôm nay', 'The date of birth cannot be after today'),
      },
    ],
    computed: [],
    // The address widget offers the provinces by name when the form carries their list.
    codeLists: { province: codeLists.province },
    attachments: ctx.attachments,
    keyFacts: ['applicant/fullName', 'applicant/identityNumber', 'request/content'],
    result: {
      title: t(procedure.resultName, procedure.resultName),
      decisionSchema: object({ resultNumber: text(50), content: text(4000) }),
      decisionLayout: [
        {
          id: 'result',
          title: t('Kết quả giải quyết', 'Result'),
          fields: [
            { path: 'resultNumber', label: t('Số', 'Number'), widget: 'text' },
            { path: 'content', label: t('Nội dung', 'Content'), widget: 'textarea' },
          ],
        },
      ],
      lines: [
        { label: t('Người đề nghị', 'Applicant'), from: 'declaration', path: 'applicant/fullName' },
        { label: t('Số', 'Number'), from: 'decision', path: 'resultNumber' },
        { label: t('Nội dung', 'Content'), from: 'decision', path: 'content' },
      ],
    },
    source: {
      title: 'Đơn đề nghị chung của motcua (thủ tục chưa có tờ khai điện tử riêng)',
      url: null,
      illustrative: [
        'the whole form: no circular prescribes it; it stands in until the procedure’s own declaration is built',
        'the result title repeats the procedure’s published result name in both languages',
      ],
    },
  }
}
