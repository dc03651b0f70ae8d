import type { FormBuilder } from '../../../src/domain/declarations/catalog-forms.ts'
import { birthReRegistration } from './birth-re-registration.ts'
import { birthRegistration } from './birth-registration.ts'
import { constructionPermit } from './construction-permit.ts'
import { deathRegistration } from './death-registration.ts'
import { householdBusinessChange } from './household-business-change.ts'
import { householdBusinessRegistration } from './household-business-registration.ts'
import { householdSplit } from './household-split.ts'
import { maritalStatusCertificate } from './marital-status.ts'
import { marriageRegistration } from './marriage-registration.ts'
import { maternityBenefit } from './maternity-benefit.ts'
import { permanentResidence } from './permanent-residence.ts'

/**
 * The demo's own declarations, by procedure code; every other procedure of the catalogue gets
 * `genericForm` (src/domain/declarations/generic-form.ts), so none is formless.
 */
export const demoForms: Readonly<Record<string, FormBuilder>> = {
  '1.000894': marriageRegistration,
  '1.004884': birthReRegistration,
  '1.000656': deathRegistration,
  '1.010038': householdSplit,
  '1.004222': permanentResidence,
  '1.001612': householdBusinessRegistration,
  '2.000720': householdBusinessChange,
  '1.013225': constructionPermit,
  '2.000693': maternityBenefit,
  '1.001193': birthRegistration,
  '1.004873': maritalStatusCertificate,
}
