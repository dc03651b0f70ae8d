import type { FormBuilder } from '../../../src/domain/declarations/catalog-forms.ts'
import { marriageRegistration } from './marriage-registration.ts'

/** The demo's own declaration forms, by procedure code; every other procedure gets the generic form. */
export const demoForms: Readonly<Record<string, FormBuilder>> = {
  '1.000894': marriageRegistration,
}
