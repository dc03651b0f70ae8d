import type { FormDefinition } from '../../src/domain/declarations/form-definition.ts'
import { catalogWithForms } from '../../src/store/catalog/load-catalog-file.ts'
import { sampleDeclaration, sampleOf } from './declaration-arbitrary.ts'

let forms: Map<string, FormDefinition> | null = null

/** The current form of each demo procedure (the version with the highest number), as the catalogue loads it. */
export function demoFormOf(code: string): FormDefinition | null {
  forms ??= new Map(
    catalogWithForms().procedures.flatMap((p) => {
      const form = p.versions.at(-1)?.form
      return form ? [[p.code, form] as const] : []
    }),
  )
  return forms.get(code) ?? null
}

/**
 * What a test submission of the procedure carries: a valid declaration generated from its form (the same
 * one each time) and the form version, or nothing for a procedure without a form.
 */
export function declarationFor(
  code: string,
  today = '2026-11-26',
): { declaration: Record<string, unknown>; formVersion: number } | Record<string, never> {
  const form = demoFormOf(code)
  return form ? { declaration: sampleDeclaration(form, today), formVersion: form.version } : {}
}

/** Valid decision fields of the procedure's result template (for an approving appraisal), or none. */
export function decisionFor(code: string): { decision: Record<string, unknown> } | Record<string, never> {
  const form = demoFormOf(code)
  return form ? { decision: sampleOf(form.result.decisionSchema) as Record<string, unknown> } : {}
}
