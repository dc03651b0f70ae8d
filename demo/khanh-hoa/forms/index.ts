import type { FormBuilder } from '../../../src/domain/declarations/catalog-forms.ts'
import { birthRegistration } from './birth-registration.ts'
import { marriageRegistration } from './marriage-registration.ts'

/**
 * The demo's own declarations, by procedure code; every other procedure of the catalogue gets
 * `genericForm` (src/domain/declarations/generic-form.ts), so none is formless.
 */
export const demoForms: Readonly<Record<string, FormBuilder>> = {
  '1.000894': marriageRegistration,
  '1.001193': birthRegistration,
}
