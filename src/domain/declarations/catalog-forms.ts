import type { Catalog } from '../catalog/catalog.ts'
import type { ProcedureVersion } from '../catalog/procedure.ts'
import type { CommuneOnTree } from './field-kinds.ts'
import { attachmentSlots, type FormContext } from './form-context.ts'
import type { FormDefinition } from './form-definition.ts'

/** Builds a procedure's form against the province's tree and the version's document components. */
export type FormBuilder = (ctx: FormContext) => FormDefinition

/** The form every procedure without its own gets, so none is formless. */
export type GenericFormBuilder = (
  procedure: { readonly code: string; readonly version: number; readonly name: string; readonly resultName: string },
  ctx: FormContext,
) => FormDefinition

/** The communes in force (a commune committee's statistical code and its name without "Ủy ban nhân dân"). */
export function communesOf(catalog: Catalog): CommuneOnTree[] {
  return catalog.agencies
    .filter((a) => a.kind === 'commune_committee' && a.statisticalCode !== null)
    .map((a) => {
      const name = (a.names.find((n) => n.validTo === null) ?? a.names[0])?.name ?? a.id
      const bare = name.replace(/^Ủy ban nhân dân\s+/i, '')
      return { code: a.statisticalCode as string, name: bare.charAt(0).toUpperCase() + bare.slice(1) }
    })
}

/** Each procedure version with its form: its own where one is written, else the generic one. */
export function withForms(
  catalog: Catalog,
  builders: Readonly<Record<string, FormBuilder>>,
  generic: GenericFormBuilder | null,
): Catalog {
  const communes = communesOf(catalog)
  const formOf = (code: string, v: ProcedureVersion): FormDefinition | null => {
    const ctx: FormContext = {
      provinceCode: catalog.province.code,
      communes,
      attachments: attachmentSlots(v.requiredDocuments),
    }
    const own = builders[code]
    if (own) return own(ctx)
    return generic ? generic({ code, version: v.version, name: v.name, resultName: v.resultName }, ctx) : null
  }
  return {
    ...catalog,
    procedures: catalog.procedures.map((p) => ({
      ...p,
      versions: p.versions.map((v) => {
        const form = v.form ?? formOf(p.code, v)
        return form ? { ...v, form } : v
      }),
    })),
  }
}
