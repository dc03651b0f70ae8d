import type { Db } from '../../store/database.ts'
import { agencyOfCode, procedureOfNationalCode } from '../../store/portal/inbound-intakes.ts'

/** Where an inbound dossier goes: the local procedure of its MaTTHC, the agency of its MaDonViTiepNhan. */
export type IntakeCatalogue = {
  procedureOf(db: Db, nationalCode: string): Promise<string | null>
  agencyOf(db: Db, code: string, day: string): Promise<string | null>
}

/** Each dossier asks the database (one push, one resumed intake). */
export const directCatalogue: IntakeCatalogue = { procedureOf: procedureOfNationalCode, agencyOf: agencyOfCode }

/**
 * For one batch (a pull round): each code is looked up once. Only answers found are kept, so a
 * procedure or unit added during the batch is not refused for it; a kept procedure is still checked
 * in force by the creation itself, and a unit's answer is kept per day, as its code's validity is.
 */
export function batchCatalogue(): IntakeCatalogue {
  const procedures = new Map<string, string>()
  const agencies = new Map<string, string>()
  return {
    async procedureOf(db, nationalCode) {
      const known = procedures.get(nationalCode)
      if (known !== undefined) return known
      const found = await procedureOfNationalCode(db, nationalCode)
      if (found !== null) procedures.set(nationalCode, found)
      return found
    },
    async agencyOf(db, code, day) {
      const key = `${code}\u0000${day}`
      const known = agencies.get(key)
      if (known !== undefined) return known
      const found = await agencyOfCode(db, code, day)
      if (found !== null) agencies.set(key, found)
      return found
    },
  }
}
