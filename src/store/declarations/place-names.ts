import type { PlaceNames } from '../../domain/declarations/declared-values.ts'
import type { Db } from '../database.ts'
import { agencyNames } from '../forms/form-context.ts'

/** Every address of a declaration: an object with a province and a commune, at any depth. */
function addressesIn(value: unknown, found: { province: string; commune: string }[] = []) {
  if (Array.isArray(value)) for (const item of value) addressesIn(item, found)
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if (typeof o.province === 'string' && typeof o.commune === 'string')
      found.push({ province: o.province, commune: o.commune })
    else for (const v of Object.values(o)) addressesIn(v, found)
  }
  return found
}

/**
 * The names of the units a declaration's addresses hold as codes: provinces by code, communes of the
 * unit tree by their statistical code (the commune committee's name in force on `day`, without
 * "Ủy ban nhân dân"). A commune outside the tree (another province) is named in full already.
 */
export async function placeNames(db: Db, data: unknown, day: string): Promise<PlaceNames> {
  const addresses = addressesIn(data)
  if (addresses.length === 0) return {}
  const provinceCodes = [...new Set(addresses.map((a) => a.province))]
  const communeCodes = [...new Set(addresses.map((a) => a.commune))]
  const [provinces, communes] = await Promise.all([
    db.selectFrom('provinces').select(['code', 'name']).where('code', 'in', provinceCodes).execute(),
    db
      .selectFrom('agencies')
      .select(['id', 'statistical_code'])
      .where('kind', '=', 'commune_committee')
      .where('statistical_code', 'in', communeCodes)
      .execute(),
  ])
  const names = await agencyNames(
    db,
    communes.map((c) => c.id),
    day,
  )
  const communeNames: Record<string, string> = {}
  for (const c of communes) {
    const name = names[c.id]
    if (!name || c.statistical_code === null) continue
    const bare = name.replace(/^Ủy ban nhân dân\s+/i, '')
    communeNames[c.statistical_code] = bare.charAt(0).toLocaleUpperCase('vi') + bare.slice(1)
  }
  return { provinces: Object.fromEntries(provinces.map((p) => [p.code, p.name])), communes: communeNames }
}
