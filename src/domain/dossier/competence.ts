import { AgencyKind } from '../catalog/agency.ts'
import { type Refusal, refuse } from './refusal.ts'

/** An agency as the competence rule needs it. */
export type AgencyFacts = {
  readonly id: string
  readonly kind: AgencyKind
  readonly parentId: string | null
  readonly provinceCode: string
}

/** What decides which agency is competent for a dossier, read from the catalogue and the agency tree. */
export type CompetenceFacts = {
  /**
   * The agency the catalogue names to decide (a department, or a central branch for some commune
   * procedures); null: the commune of the receiving unit.
   */
  readonly department: string | null
  /** Cấp thực hiện: the tier of one-stop unit that receives it when not listed for reception anywhere. */
  readonly level: 'province' | 'commune' | 'central'
  /** Tiếp nhận không phụ thuộc địa giới hành chính: listed for reception at any one-stop unit. */
  readonly anyLocation: boolean
  readonly receiving: AgencyFacts
  /** The commune committee the receiving unit belongs to (`ownCommuneOf`). */
  readonly ownCommune: string | null
  /** The commune the applicant or the counter chose, when one was chosen. */
  readonly chosen: AgencyFacts | null
}

export type Competence =
  | { readonly ok: true; readonly agencyId: string }
  | { readonly ok: false; readonly refusal: Refusal }

const provincialUnit = (a: AgencyFacts) =>
  a.kind === AgencyKind.ProvincialServiceCenter || a.kind === AgencyKind.Department
const communeUnit = (a: AgencyFacts) =>
  a.kind === AgencyKind.CommuneServiceCenter || a.kind === AgencyKind.CommuneCommittee

/**
 * Cơ quan có thẩm quyền giải quyết. A procedure the catalogue gives an agency to (a department; a
 * central branch for some commune procedures) is decided there and received by a one-stop unit of
 * its tier (the provincial centre; any commune's unit); any other commune procedure by the commune
 * of the receiving unit. Reception anywhere in the province (Decree 118/2025/NĐ-CP, tiếp nhận không phụ
 * thuộc địa giới hành chính) lets any one-stop unit of the province receive a listed procedure: a
 * commune procedure is then decided by the commune chosen (by default the receiving unit's own). An
 * unlisted procedure received outside its competent unit is refused.
 */
export function competentAgency(f: CompetenceFacts): Competence {
  const no = (code: 'notCompetentHere' | 'unknownCompetentAgency' | 'competentAgencyRequired'): Competence => ({
    ok: false,
    refusal: refuse(code),
  })
  if (f.department !== null) {
    if (f.chosen !== null && f.chosen.id !== f.department) return no('unknownCompetentAgency')
    const rightTier = f.level === 'commune' ? communeUnit(f.receiving) : provincialUnit(f.receiving)
    if (!f.anyLocation && !rightTier) return no('notCompetentHere')
    return { ok: true, agencyId: f.department }
  }
  if (f.chosen !== null) {
    if (f.chosen.kind !== AgencyKind.CommuneCommittee || f.chosen.provinceCode !== f.receiving.provinceCode)
      return no('unknownCompetentAgency')
    if (f.chosen.id !== f.ownCommune && !f.anyLocation) return no('notCompetentHere')
    return { ok: true, agencyId: f.chosen.id }
  }
  if (f.ownCommune === null) return no(f.anyLocation ? 'competentAgencyRequired' : 'notCompetentHere')
  return { ok: true, agencyId: f.ownCommune }
}

/** The commune committee a unit belongs to: itself, or its commune service centre's parent. */
export function ownCommuneOf(a: AgencyFacts): string | null {
  if (a.kind === AgencyKind.CommuneCommittee) return a.id
  return a.kind === AgencyKind.CommuneServiceCenter ? a.parentId : null
}
