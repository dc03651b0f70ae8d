import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { withComputedValues } from '../../../src/domain/declarations/named-rules.ts'
import type { Lang } from '../i18n/messages.ts'
import type { FieldError } from './field-errors.tsx'
import { type AddressPart, declarationData, type Spot, sectionsOf, visibleSpots } from './layout-walk.ts'
import { declarationErrors, localToday, type PathError } from './validate.ts'

/** Spots that are a control of their own: an address's parts and a repeat's add button, not the wrappers. */
const controls = (spots: readonly Spot[]) =>
  spots.filter((s) => s.part !== undefined || (s.field.widget !== 'address' && s.field.widget !== 'group'))

/**
 * The control an error belongs to: the field at its path; for a missing object (`husband/residence`)
 * its first control; for a path below a control (`children/0` under the repeat), that control.
 */
function spotOf(spots: readonly Spot[], path: string): Spot | undefined {
  return (
    spots.find((s) => s.path === path) ??
    spots.find((s) => s.path.startsWith(`${path}/`)) ??
    spots.filter((s) => path.startsWith(`${s.path}/`)).sort((a, b) => b.path.length - a.path.length)[0]
  )
}

export type Labels = { readonly lang: Lang; readonly part: (part: AddressPart) => string }

/**
 * The errors of the fields shown in `stepIds` (all steps when omitted), one per control, in layout
 * order, worded with the field's label, with `extra` errors (the server's) first-come. Errors of
 * hidden fields are left out: the field appears, and is checked, once its condition holds.
 */
export function errorsOnFields(
  form: FormDefinition,
  entered: unknown,
  idOf: (path: string) => string,
  labels: Labels,
  options: { stepIds?: readonly string[]; extra?: readonly PathError[] } = {},
): FieldError[] {
  const today = localToday()
  const data = withComputedValues(form.computed, declarationData(form, entered), today)
  const spots = controls(visibleSpots(sectionsOf(form, options.stepIds), entered))
  const found = new Map<string, FieldError>()
  for (const error of [...(options.extra ?? []), ...declarationErrors(form, data, today)]) {
    const spot = spotOf(spots, error.path)
    if (!spot || found.has(spot.path)) continue
    const label = spot.field.label[labels.lang] + (spot.part ? ` – ${labels.part(spot.part)}` : '')
    const message = error.message[labels.lang]
    found.set(spot.path, { fieldId: idOf(spot.path), message: error.complete ? message : `${label}: ${message}` })
  }
  const order = new Map(spots.map((s, i) => [idOf(s.path), i]))
  return [...found.values()].sort((a, b) => (order.get(a.fieldId) ?? 0) - (order.get(b.fieldId) ?? 0))
}
