// Reads what a widget needs from the form's published schema: the allowed values of a field, the home
// province and its communes of an address (the `if province = home then commune ∈ communes` branch).

type Schema = Record<string, unknown>

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null

/** The schemas that may describe a property: the plain one and those of conditional branches. */
function branches(schema: Schema): Schema[] {
  const out = [schema]
  for (const key of ['then', 'else']) if (isSchema(schema[key])) out.push(schema[key] as Schema)
  if (Array.isArray(schema.allOf)) out.push(...schema.allOf.filter(isSchema))
  return out
}

/** The schemas of the field at `path` (item indices as numbers or `*`), from every branch that names it. */
export function schemasAt(root: unknown, path: string): Schema[] {
  let current: Schema[] = isSchema(root) ? [root] : []
  for (const segment of path.split('/').filter(Boolean)) {
    const next: Schema[] = []
    for (const schema of current.flatMap(branches)) {
      const child = /^(\d+|\*)$/.test(segment) ? schema.items : (schema.properties as Schema | undefined)?.[segment]
      if (isSchema(child)) next.push(child)
    }
    current = next
  }
  return current
}

/** The allowed values at `path` (its `enum`), when the schema lists them. */
export function enumAt(root: unknown, path: string): string[] | null {
  for (const schema of schemasAt(root, path)) if (Array.isArray(schema.enum)) return schema.enum.map(String)
  return null
}

/**
 * The home province of an address field and the communes the schema allows there: the address kind
 * (field-kinds.ts `address`) says `if province is <home> then commune is one of <codes>`.
 */
export function addressRule(root: unknown, path: string): { province: string; communes: string[] } | null {
  for (const schema of schemasAt(root, path)) {
    const province = ((schema.if as Schema | undefined)?.properties as Schema | undefined)?.province as
      | Schema
      | undefined
    const commune = ((schema.then as Schema | undefined)?.properties as Schema | undefined)?.commune as
      | Schema
      | undefined
    if (typeof province?.const === 'string' && Array.isArray(commune?.enum))
      return { province: province.const, communes: commune.enum.map(String) }
  }
  return null
}
