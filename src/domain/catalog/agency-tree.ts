import { type Static, Type } from 'typebox'
import { AgencyKindSchema, OfficeHoursSpan } from './agency.ts'

/** An agency as shown in the tree, with the name and QCVN 102 code in force on the asked date. */
export const AgencyNode = Type.Object(
  {
    id: Type.String({ description: 'Agency id, stable across renamings' }),
    kind: AgencyKindSchema,
    name: Type.String({ description: 'Name in force on the asked date' }),
    code: Type.Union([Type.String(), Type.Null()], { description: 'QCVN 102 identifier in force' }),
    codeConfirmed: Type.Boolean({ description: 'False when the code is illustrative (docs/data-sources.md)' }),
    statisticalCode: Type.Union([Type.String(), Type.Null()], {
      description: 'Mã đơn vị hành chính (Decision 19/2025/QĐ-TTg) for communes and the province',
    }),
    officeHours: Type.Array(OfficeHoursSpan, { description: 'Giờ làm việc: office hours of each working day' }),
    successorIds: Type.Array(Type.String(), {
      description:
        'For a former unit (sắp xếp đơn vị hành chính 2025): the ids of the units it merged into; empty otherwise',
    }),
    children: Type.Array(Type.Unsafe<AgencyNodeShape>({ $ref: 'AgencyNode#' }), {
      description: 'Units under this one',
    }),
  },
  { $id: 'AgencyNode', description: 'Cơ quan, đơn vị: an agency and the units under it' },
)
type AgencyNodeShape = {
  id: string
  kind: Static<typeof AgencyKindSchema>
  name: string
  code: string | null
  codeConfirmed: boolean
  statisticalCode: string | null
  officeHours: OfficeHoursSpan[]
  successorIds: string[]
  children: AgencyNodeShape[]
}
export type AgencyNode = AgencyNodeShape
