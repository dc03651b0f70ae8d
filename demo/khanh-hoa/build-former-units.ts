/**
 * The units and bodies that ceased on 30 June 2025, as predecessors of today's agencies (rules.md §7:
 * dossiers and indicators of abolished or merged units map to their successors). Read from
 * sources/khanh-hoa-units.json (each new commune's former communes) and sources/former-units.json (the
 * former districts with their communes and codes, and Ninh Thuận's provincial bodies). Used by
 * build-catalog.ts only.
 */
import { type Agency, AgencyKind, defaultOfficeHours } from '../../src/domain/catalog/agency.ts'
import { slug } from './slug.ts'

export const reformDate = '2025-07-01'
export const lastDayBeforeReform = '2025-06-30'
/** The schema needs a start date; the former units' own start dates are not in the sources. */
const unknownStart = '0001-01-01'

/** Illustrative notes about former units, each starting with the field it concerns. */
export const FormerNote = {
  formerFrom: `names.validFrom: the unit's start date is not in the sources; ${unknownStart} is a placeholder the schema requires`,
  formerCode:
    'codes: QCVN 102 code illustrative and dated to 2025-06-30 (no public source read gives the pre-2025 identifiers); H58 stands for Ninh Thuận (H + its statistical code), not its real level-1 code',
  formerBodyName:
    "names: named after Decree 45/2025/NĐ-CP Art. 8 (the departments every province had from March 2025); no source read names Ninh Thuận's own body",
} as const

export type Commune = {
  name: string
  code: string
  formedFrom: string[]
  formedFromPartial: string[]
  formedFromSource: string
}
type SourceEntry = { title: string; url: string | null; date: string | null }
type FormerWard = { code: string; fullName: string }
type FormerDistrict = { code: string; fullName: string; provinceCode: string; wards: FormerWard[] }
type FormerBody = { name: string; successor: string; confirmed: boolean; sources: SourceEntry[]; note?: string }
/** sources/former-units.json (the fields used here). */
export type FormerUnitsFile = {
  unitsSource: SourceEntry
  districts: FormerDistrict[]
  ninhThuanBodies: FormerBody[]
}

const officeHours = () => defaultOfficeHours.map((s) => ({ ...s }))
const level1 = (provinceCode: string) => (provinceCode === '56' ? 'H34' : `H${provinceCode}`)
const formerCode = (code: string) => [{ code, validFrom: unknownStart, validTo: lastDayBeforeReform, confirmed: false }]
const formerName = (name: string) => [{ name, validFrom: unknownStart, validTo: lastDayBeforeReform }]
const districtId = (d: FormerDistrict) => `cu-${slug(d.fullName)}`
const ninhThuanId = (successorId: string) => `cu-ninh-thuan-${successorId}`

/**
 * One former_unit agency per distinct pre-2025 commune name, under its former district with its former
 * statistical code. A name in several lists is one divided unit when formedFromPartial says so (the data
 * marks every repeated name partial); otherwise it would be homonyms.
 */
function formerCommunes(communes: Commune[], former: FormerUnitsFile, bandoUrl: string | null): Agency[] {
  const districts = former.districts
  const wardOf = new Map(districts.flatMap((d) => d.wards.map((w) => [w.fullName, { ward: w, district: d }] as const)))
  const order: string[] = []
  const lists = new Map<string, { successorId: string; partial: boolean }[]>()
  for (const commune of communes)
    for (const name of commune.formedFrom) {
      let successors = lists.get(name)
      if (!successors) {
        successors = []
        lists.set(name, successors)
        order.push(name)
      }
      successors.push({ successorId: `xa-${commune.code}`, partial: commune.formedFromPartial.includes(name) })
    }
  const slugCount = new Map<string, number>()
  const result: Agency[] = []
  const formedFromSource = communes[0]?.formedFromSource ?? ''
  for (const name of order) {
    const successors = lists.get(name) ?? []
    const groups =
      successors.length > 1 && successors.some((s) => !s.partial) ? successors.map((s) => [s]) : [successors]
    const place = wardOf.get(name)
    if (!place) throw new Error(`former unit ${name} is in no former district of former-units.json`)
    if (groups.length > 1) throw new Error(`former unit ${name} names several units; their codes cannot be told apart`)
    for (const group of groups) {
      const base = slug(name)
      const n = (slugCount.get(base) ?? 0) + 1
      slugCount.set(base, n)
      result.push({
        id: `cu-${base}-${n}`,
        kind: AgencyKind.FormerUnit,
        parentId: districtId(place.district),
        statisticalCode: place.ward.code,
        names: formerName(name),
        codes: [],
        officeHours: officeHours(),
        successors: group.map((s) => ({ successorId: s.successorId, effectiveOn: reformDate, partial: s.partial })),
        source: {
          url: bandoUrl,
          title: `${formedFromSource}; statistical code and district: ${former.unitsSource.title}`,
          illustrative: [FormerNote.formerFrom],
        },
      })
    }
  }
  return result
}

/**
 * The former district-level units: their successors are the communes formed from their communes
 * (Nghị quyết 1667/NQ-UBTVQH15), each partial when the district went to several.
 */
function formerDistricts(communes: Commune[], former: FormerUnitsFile): Agency[] {
  const successorsOf = new Map<string, Set<string>>()
  for (const c of communes)
    for (const name of c.formedFrom) successorsOf.set(name, (successorsOf.get(name) ?? new Set()).add(`xa-${c.code}`))
  return former.districts.map((d) => {
    const successors = [...new Set(d.wards.flatMap((w) => [...(successorsOf.get(w.fullName) ?? [])]))].sort()
    if (successors.length === 0) throw new Error(`former district ${d.fullName} has no successor`)
    return {
      id: districtId(d),
      kind: AgencyKind.FormerUnit,
      parentId: d.provinceCode === '58' ? ninhThuanId('ubnd-tinh') : null,
      statisticalCode: d.code,
      names: formerName(d.fullName),
      codes: formerCode(`000.00.${d.code.slice(-2)}.${level1(d.provinceCode)}`),
      officeHours: officeHours(),
      successors: successors.map((id) => ({
        successorId: id,
        effectiveOn: reformDate,
        partial: successors.length > 1,
      })),
      source: {
        url: former.unitsSource.url,
        title: `${former.unitsSource.title}; successors: the communes formed from its communes (Nghị quyết 1667/NQ-UBTVQH15, as listed by sapnhap.bando.com.vn)`,
        illustrative: [FormerNote.formerFrom, FormerNote.formerCode],
      },
    }
  })
}

/**
 * Ninh Thuận's provincial committee, departments and service centre, each merged whole into the
 * Khánh Hòa body of the same name (Nghị quyết 202/2025/QH15). Codes follow today's numbering.
 */
function ninhThuanBodies(former: FormerUnitsFile, departments: readonly (readonly [string, string])[]): Agency[] {
  const today: readonly (readonly [string, string, string])[] = [
    ['ubnd-tinh', 'Ủy ban nhân dân tỉnh Khánh Hòa', '00'],
    ...departments.map(([id, name], i) => [id, name, String(i + 1).padStart(2, '0')] as const),
    ['ttpvhcc-tinh', 'Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa', '20'],
  ]
  return former.ninhThuanBodies.map((b) => {
    const match = today.find(([, name]) => name === b.successor)
    if (!match) throw new Error(`no successor named ${b.successor} for ${b.name}`)
    const [successorId, , nn] = match
    const illustrative: string[] = [FormerNote.formerFrom, FormerNote.formerCode]
    if (!b.confirmed) illustrative.push(FormerNote.formerBodyName)
    const parentId =
      successorId === 'ubnd-tinh'
        ? null
        : successorId === 'ttpvhcc-tinh'
          ? ninhThuanId('van-phong-ubnd-tinh')
          : ninhThuanId('ubnd-tinh')
    return {
      id: ninhThuanId(successorId),
      kind: AgencyKind.FormerUnit,
      parentId,
      statisticalCode: successorId === 'ubnd-tinh' ? '58' : null,
      names: formerName(b.name),
      codes: formerCode(`000.00.${nn}.H58`),
      officeHours: officeHours(),
      successors: [{ successorId, effectiveOn: reformDate, partial: false }],
      source: {
        url: b.sources.find((s) => s.url !== null)?.url ?? null,
        title: [...b.sources.map((s) => s.title), ...(b.note ? [b.note] : [])].join('; '),
        illustrative,
      },
    }
  })
}

export function buildFormerUnits(
  communes: Commune[],
  bandoUrl: string | null,
  former: FormerUnitsFile,
  departments: readonly (readonly [string, string])[],
): Agency[] {
  return [
    ...ninhThuanBodies(former, departments),
    ...formerDistricts(communes, former),
    ...formerCommunes(communes, former, bandoUrl),
  ]
}
