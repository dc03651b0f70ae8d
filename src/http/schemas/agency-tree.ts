import { type Static, Type } from 'typebox'
import { AgencyKindSchema, OfficeHoursSpan } from '../../domain/catalog/agency.ts'

/** An agency as shown in the tree, with the name and QCVN 102 code in force on the asked date. */
export const AgencyNode = Type.Object(
  {
    id: Type.String(),
    kind: AgencyKindSchema,
    name: Type.String(),
    code: Type.Union([Type.String(), Type.Null()], { description: 'QCVN 102 identifier in force' }),
    codeConfirmed: Type.Boolean({ description: 'False when the code is illustrative (docs/data-sources.md)' }),
    statisticalCode: Type.Union([Type.String(), Type.Null()]),
    officeHours: Type.Array(OfficeHoursSpan),
    children: Type.Array(Type.Unsafe<AgencyNodeShape>({ $ref: 'AgencyNode#' })),
  },
  { $id: 'AgencyNode' },
)
type AgencyNodeShape = {
  id: string
  kind: Static<typeof AgencyKindSchema>
  name: string
  code: string | null
  codeConfirmed: boolean
  statisticalCode: string | null
  officeHours: OfficeHoursSpan[]
  children: AgencyNodeShape[]
}
export type AgencyNode = AgencyNodeShape
