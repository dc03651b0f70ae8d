import { useCallback, useMemo, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { withComputedValues } from '../../../src/domain/declarations/named-rules.ts'
import { useI18n } from '../i18n/messages.ts'
import { idsFor } from './DeclarationFields.tsx'
import { errorsOnFields } from './errors-on-fields.ts'
import { formDefaults } from './field-defaults.ts'
import type { FieldError } from './field-errors.tsx'
import { declarationData, sectionsOf, visibleSpots } from './layout-walk.ts'
import { localToday, type PathError } from './validate.ts'

/**
 * One declaration being entered: react-hook-form holds the values; checks run in the browser against
 * the published schema and the named rules (the server runs the same ones), for one step or all.
 */
export function useDeclarationForm(form: FormDefinition, start: Record<string, unknown>, idPrefix: string) {
  const { t, lang } = useI18n()
  const methods = useForm<Record<string, unknown>>({ defaultValues: formDefaults(form, start) })
  const [errors, setErrors] = useState<FieldError[]>([])
  const summaryRef = useRef<HTMLDivElement>(null)
  const idOf = useMemo(() => idsFor(idPrefix), [idPrefix])
  const labels = useMemo(
    () => ({
      lang,
      part: (part: 'province' | 'commune' | 'street') =>
        t(
          part === 'province'
            ? form.codeLists.province
              ? 'declaration.address.province'
              : 'declaration.address.provinceCode'
            : part === 'commune'
              ? 'declaration.address.commune'
              : 'declaration.address.street',
        ),
    }),
    [lang, t, form],
  )

  /** Shows the errors (focus on the summary when there are some); true when there are none. */
  const show = useCallback((found: FieldError[]) => {
    setErrors(found)
    if (found.length > 0) requestAnimationFrame(() => summaryRef.current?.focus())
    return found.length === 0
  }, [])

  /**
   * Checks the fields of `stepIds` (all when omitted), with the server's errors when given; `also`
   * are errors of fields around the declaration (the applicant's name at the counter), listed first.
   */
  const check = useCallback(
    (stepIds?: readonly string[], extra?: readonly PathError[], also: readonly FieldError[] = []) =>
      show([
        ...also,
        ...errorsOnFields(form, methods.getValues(), idOf, labels, {
          ...(stepIds ? { stepIds } : {}),
          ...(extra ? { extra } : {}),
        }),
      ]),
    [form, methods, idOf, labels, show],
  )

  /** The first step showing one of these paths: where to take the applicant for a server's error. */
  const stepOf = useCallback(
    (paths: readonly string[]) =>
      form.layout.steps.findIndex((step) =>
        visibleSpots(sectionsOf(form, [step.id]), methods.getValues()).some((s) =>
          paths.some((p) => p === s.path || p.startsWith(`${s.path}/`) || s.path.startsWith(`${p}/`)),
        ),
      ),
    [form, methods],
  )

  /** The declaration to send: blanks and hidden fields dropped, computed values filled. */
  const data = useCallback(
    () => withComputedValues(form.computed, declarationData(form, methods.getValues()), localToday()),
    [form, methods],
  )

  return { methods, errors, summaryRef, idOf, check, stepOf, data, clear: () => setErrors([]), show }
}
