import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useMemo } from 'react'
import { useWatch } from 'react-hook-form'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { useI18n } from '../i18n/messages.ts'
import { agencyTreeWithFormerQuery, type CommuneChoice, communeChoices } from './communes.ts'
import { Field } from './Fields.tsx'
import type { FieldError } from './field-errors.tsx'
import { conditionHolds, type Section, sectionsOf, stepSections } from './layout-walk.ts'
import { type Renderer, RendererContext } from './renderer-context.ts'
import { addressRule } from './schema-at.ts'
import './declaration.css'

/** Element ids of one rendered form: `prefix` keeps two forms on a page apart. */
export const idsFor = (prefix: string) => (path: string) => `${prefix}-${path.replaceAll('/', '-')}`

/** Every commune code any address of the form allows (the home province's, from the schema). */
function communeCodes(form: FormDefinition): string[] {
  const codes = new Set<string>()
  const walk = (fields: Section['fields'], base: string) => {
    for (const f of fields) {
      const path = base ? `${base}/${f.path}` : f.path
      if (f.widget === 'address') for (const c of addressRule(form.schema, path)?.communes ?? []) codes.add(c)
      if (f.fields) walk(f.fields, f.widget === 'repeat' ? `${path}/*` : path)
    }
  }
  for (const section of sectionsOf(form)) walk(section.fields, '')
  return [...codes]
}

/** Today's communes any address of the form allows, named from the agency tree (with former names). */
export function useCommunes(form: FormDefinition): CommuneChoice[] {
  const codes = useMemo(() => communeCodes(form), [form])
  const tree = useQuery({ ...agencyTreeWithFormerQuery, enabled: codes.length > 0 })
  return useMemo(() => communeChoices(codes, tree.data), [codes, tree.data])
}

/**
 * The sections of the given steps, headed by the step's title when `stepHeadings` (the counter sees all
 * steps on one page). Must sit inside react-hook-form's FormProvider.
 */
export function DeclarationFields({
  form,
  stepIds,
  idPrefix,
  errors,
  prefilled,
  stepHeadings,
}: {
  form: FormDefinition
  stepIds: readonly string[]
  idPrefix: string
  errors: readonly FieldError[]
  prefilled: ReadonlyMap<string, string>
  stepHeadings: boolean
}) {
  const { lang } = useI18n()
  const communes = useCommunes(form)
  const renderer = useMemo<Renderer>(
    () => ({
      form,
      idOf: idsFor(idPrefix),
      errors,
      prefilled,
      communes,
      computed: new Set(form.computed.map((c) => c.path)),
    }),
    [form, idPrefix, errors, prefilled, communes],
  )
  const Section = stepHeadings ? 'h3' : 'h2'
  return (
    <RendererContext.Provider value={renderer}>
      {form.layout.steps
        .filter((step) => stepIds.includes(step.id))
        .map((step) => (
          <div key={step.id} className="declaration-step">
            {stepHeadings && <h2>{step.title[lang]}</h2>}
            {stepSections(step).map((section) => (
              <SectionBlock key={section.id} section={section} headingId={`${idPrefix}-section-${section.id}`}>
                <Section id={`${idPrefix}-section-${section.id}`}>{section.title[lang]}</Section>
              </SectionBlock>
            ))}
          </div>
        ))}
    </RendererContext.Provider>
  )
}

/** A section of the paper form; one with a condition (`showIf`) is shown only while it holds. */
function SectionBlock({ section, headingId, children }: { section: Section; headingId: string; children: ReactNode }) {
  const { lang } = useI18n()
  const data = useWatch({ disabled: !section.showIf })
  if (section.showIf && !conditionHolds(section.showIf, data, '')) return null
  return (
    <section aria-labelledby={headingId}>
      {children}
      {section.help && <p className="meta">{section.help[lang]}</p>}
      {section.fields.map((field) => (
        <Field key={field.path} field={field} base="" patternBase="" />
      ))}
    </section>
  )
}
