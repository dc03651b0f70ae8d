import { type Compilable, CompiledQuery } from 'kysely'
import pg from 'pg'

/**
 * A hot statement, compiled once per shape and prepared once per connection. Kysely builds and
 * compiles a query on every call, which was a third of the command engine's own CPU; a statement
 * whose SQL depends only on its shape (which branch, how many rows, which keys) is compiled the first
 * time with a unique placeholder in place of each value, and each later call of that shape only puts
 * its values where the placeholders went. Its text is named, so the server parses and plans it once
 * per connection instead of on every call.
 *
 * `values` is plain data (strings, numbers, booleans, null, dates, arrays and plain objects of them);
 * `build` may branch on its keys and array lengths, never on a value. A value `build` does not pass
 * to the query as a parameter is refused when the shape is first compiled.
 */
export type ShapedStatement = <V, O>(key: string, values: V, build: (values: V) => Compilable<O>) => CompiledQuery<O>

type Shape = { readonly sql: string; readonly parameters: readonly unknown[]; readonly slots: readonly number[] }

const placeholderPrefix = '\u0000motcua-value-'
/**
 * Bounds on what is kept: a few dozen shapes cover the command engine; past these, statements are
 * compiled on each call and run unnamed, so no caller can grow the process or the server's sessions without end.
 */
const maxShapes = 1000
const maxPrepared = 200

/** A cache of compiled shapes, one per engine (its Kysely instance compiles them). */
export function shapedStatements(): ShapedStatement {
  const shapes = new Map<string, Shape>()
  return <V, O>(key: string, values: V, build: (values: V) => Compilable<O>): CompiledQuery<O> => {
    const leaves: unknown[] = []
    const id = flatten(values, leaves, `${key}\u0001`)
    let shape = shapes.get(id)
    if (!shape) {
      shape = compileShape(values, leaves.length, build)
      if (shapes.size < maxShapes) shapes.set(id, shape)
    }
    const { slots } = shape
    const parameters = shape.parameters.map((p, i) => {
      const slot = slots[i] as number
      return slot < 0 ? p : leaves[slot]
    })
    // The placeholders stood for values of V's types; the compiled query returns what `build`'s does.
    return CompiledQuery.raw(shape.sql, parameters) as CompiledQuery<O>
  }
}

/** The leaves of `value` in a fixed order, and its shape: keys, array lengths, which keys are undefined. */
function flatten(value: unknown, leaves: unknown[], signature: string): string {
  if (Array.isArray(value)) {
    let out = `${signature}[${value.length}`
    for (const item of value) out = flatten(item, leaves, out)
    return `${out}]`
  }
  if (isPlainObject(value)) {
    let out = `${signature}{`
    for (const k in value) {
      const v = value[k]
      if (v === undefined) out += `${k}?\u0001`
      else out = flatten(v, leaves, `${out}${k}\u0001`)
    }
    return `${out}}`
  }
  leaves.push(value)
  return signature
}

/** The same structure with each leaf replaced by its placeholder (a string no data contains). */
function placeholders(value: unknown, next: { n: number }): unknown {
  if (Array.isArray(value)) return value.map((item) => placeholders(item, next))
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const k in value) out[k] = value[k] === undefined ? undefined : placeholders(value[k], next)
    return out
  }
  return `${placeholderPrefix}${next.n++}`
}

function compileShape<V, O>(values: V, leafCount: number, build: (values: V) => Compilable<O>): Shape {
  // Placeholders stand in for V's leaves while Kysely compiles; `build` only passes them on as parameters.
  const compiled = build(placeholders(values, { n: 0 }) as V).compile()
  const used = new Set<number>()
  const slots = compiled.parameters.map((p) => {
    if (typeof p !== 'string' || !p.includes(placeholderPrefix)) return -1
    const slot = Number(p.slice(placeholderPrefix.length))
    if (!p.startsWith(placeholderPrefix) || !Number.isInteger(slot))
      throw new Error(`a shaped statement used a value inside another: ${JSON.stringify(p)}`)
    used.add(slot)
    return slot
  })
  if (used.size !== leafCount)
    throw new Error(`a shaped statement passed ${used.size} of its ${leafCount} values to the query as parameters`)
  if (compiled.sql.includes(placeholderPrefix)) throw new Error('a shaped statement wrote a value into its SQL')
  if (!prepared.has(compiled.sql) && prepared.size < maxPrepared)
    prepared.set(compiled.sql, `motcua_${prepared.size + 1}`)
  return { sql: compiled.sql, parameters: compiled.parameters, slots }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** The texts of shaped statements and their names, the same on every connection of the process. */
const prepared = new Map<string, string>()

/**
 * A `pg` client that runs a shaped statement's text as a named prepared statement (parsed and planned
 * once per connection, then only bound and executed); every other query goes through unchanged.
 */
export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; every other call is forwarded as given
  override query(...args: any[]): any {
    const [text, values] = args
    const name = typeof text === 'string' && Array.isArray(values) && args.length === 2 ? prepared.get(text) : undefined
    if (name) return super.query({ name, text, values })
    return Reflect.apply(pg.Client.prototype.query, this, args)
  }
}
