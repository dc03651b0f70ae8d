import { type Static, Type } from 'typebox'
import { Agency } from './agency.ts'
import { Field, Procedure } from './procedure.ts'

/** A province's whole catalogue: its agencies, fields and procedures, as loaded by `motcua migrate`. */
export const Catalog = Type.Object({
  generatedBy: Type.String({ description: 'The script that generated this file; never edit it by hand' }),
  province: Type.Object({
    code: Type.String({ description: 'Statistical code of the province (Decision 19/2025/QĐ-TTg)' }),
    name: Type.String(),
    rootAgencyId: Type.String({ description: 'The provincial People\u2019s Committee, root of the agency tree' }),
  }),
  agencies: Type.Array(Agency),
  fields: Type.Array(Field),
  procedures: Type.Array(Procedure),
})
export type Catalog = Static<typeof Catalog>
