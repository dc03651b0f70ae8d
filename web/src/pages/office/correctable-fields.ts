import type { FormDefinition } from '../../../../src/domain/declarations/form-definition.ts'

/** A declaration field the specialist may ask the applicant to correct (a repeating group is one field). */
export type CorrectableField = {
  readonly path: string
  readonly label: { readonly vi: string; readonly en: string }
  /** The code list the layout names for it, if any. */
  readonly codeList?: string | undefined
}

type Walked = {
  readonly path: string
  readonly codeList?: string
  readonly label: { readonly vi: string; readonly en: string }
  readonly widget?: string
  readonly fields?: readonly Walked[]
}

/** The declaration's fields in layout order, with a group's fields under the group's path. */
export function correctableFields(form: Pick<FormDefinition, 'layout'>): CorrectableField[] {
  const out: CorrectableField[] = []
  const walk = (fields: readonly Walked[], prefix: string, heading: string) => {
    for (const field of fields) {
      const path = prefix ? `${prefix}/${field.path}` : field.path
      if (field.widget === 'group' && field.fields) walk(field.fields, path, `${heading}${field.label.vi} — `)
      else
        out.push({ path, label: { vi: `${heading}${field.label.vi}`, en: field.label.en }, codeList: field.codeList })
    }
  }
  for (const step of form.layout.steps)
    for (const section of step.sections) walk(section.fields as readonly Walked[], '', `${section.title.vi}: `)
  return out
}
