type Schema = { [key: string]: unknown }
type Operation = {
  parameters?: { name: string; in: string; description?: string; schema?: Schema }[]
  requestBody?: { content?: Record<string, { schema?: Schema }> }
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>
}
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, Schema> }
}

/** One schema property (or parameter) of the document and whether it says what it means. */
export type PropertyFinding = { readonly where: string; readonly described: boolean }

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null
const subschemaLists = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const
const subschemas = ['items', 'additionalProperties', 'not', 'contains'] as const

/**
 * Every property of every schema in the document: components and inline ones, in request bodies,
 * responses and parameters, through object properties, array items and unions. A property whose
 * schema is a bare `$ref` counts as described when the component it names is.
 */
export function documentProperties(doc: OpenApiDocument): PropertyFinding[] {
  const components = doc.components?.schemas ?? {}
  const found: PropertyFinding[] = []
  const described = (schema: Schema): boolean => {
    if (typeof schema.description === 'string' && schema.description.trim() !== '') return true
    const ref = typeof schema.$ref === 'string' ? /#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1] : undefined
    const target = ref === undefined ? undefined : components[decodeURIComponent(ref)]
    return target !== undefined && typeof target.description === 'string' && target.description.trim() !== ''
  }
  const walk = (schema: unknown, where: string): void => {
    if (!isSchema(schema)) return
    if (isSchema(schema.properties))
      for (const [name, property] of Object.entries(schema.properties)) {
        found.push({ where: `${where}.${name}`, described: isSchema(property) && described(property) })
        walk(property, `${where}.${name}`)
      }
    for (const key of subschemaLists)
      if (Array.isArray(schema[key])) for (const [i, member] of schema[key].entries()) walk(member, `${where}|${i}`)
    for (const key of subschemas) walk(schema[key], `${where}[]`)
    if (isSchema(schema.patternProperties))
      for (const [pattern, member] of Object.entries(schema.patternProperties)) walk(member, `${where}{${pattern}}`)
  }
  for (const [name, schema] of Object.entries(components)) walk(schema, `#${name}`)
  for (const [path, operations] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(operations)) {
      const at = `${method.toUpperCase()} ${path}`
      for (const p of op.parameters ?? []) {
        found.push({ where: `${at} ${p.in} ${p.name}`, described: described({ ...p.schema, ...p }) })
        walk(p.schema, `${at} ${p.in} ${p.name}`)
      }
      for (const [type, body] of Object.entries(op.requestBody?.content ?? {})) walk(body.schema, `${at} body ${type}`)
      for (const [status, response] of Object.entries(op.responses ?? {}))
        for (const [type, body] of Object.entries(response.content ?? {})) walk(body.schema, `${at} ${status} ${type}`)
    }
  return found
}
