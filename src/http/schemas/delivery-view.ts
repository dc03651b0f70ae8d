import { type Static, Type } from 'typebox'
import { StatusCode } from '../../domain/documents/edxml/status-code.ts'

const DeliveryStepView = Type.Object({
  code: Type.Unsafe<StatusCode>({
    type: 'string',
    enum: Object.values(StatusCode),
    description:
      'Mã trạng thái as the national axis uses them: 01 đã đến, 02 từ chối tiếp nhận, 03 đã tiếp nhận, 04 phân công xử lý, 05 đang xử lý, 06 hoàn thành, 13 lấy lại, 15 cập nhật, 16 thay thế (rules.md "Delivery trail and axis directory")',
  }),
  at: Type.String({ description: 'When the recipient took the step (ISO 8601)' }),
  description: Type.String({
    description:
      "The words of a recipient outside motcua (a refusal's reason, 02); empty for a motcua recipient, whose notes stay in its register",
  }),
})

const steps = Type.Array(DeliveryStepView, {
  description: 'Quá trình gửi nhận at this recipient, oldest first, a repeated status shown once',
})

/** One recipient's delivery trail of an issued document (src/domain/documents/delivery-status.ts). */
export const DeliveryView = Type.Union(
  [
    Type.Object({
      kind: Type.Literal('agency', { description: 'A motcua agency: its steps are read from its incoming register' }),
      agencyId: Type.String({ description: 'The receiving agency' }),
      documentId: Type.String({ description: 'Its incoming document' }),
      steps,
    }),
    Type.Object({
      kind: Type.Literal('external', {
        description: 'An agency outside motcua: its steps are the statuses it reported over the national axis',
      }),
      code: Type.String({ description: 'Its national agency code (mã định danh, QCVN 102:2016)' }),
      name: Type.String({ description: 'Its name' }),
      steps,
    }),
  ],
  { description: 'Quá trình gửi nhận văn bản at one recipient' },
)
export type DeliveryView = Static<typeof DeliveryView>
