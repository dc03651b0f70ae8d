/** `T` with every readonly modifier removed, deeply: a schema's `Static` type is mutable. */
type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T

/**
 * `true` when a runtime schema's static type and a hand-written type describe the same values (each
 * assignable to the other, readonly aside): `const checked: Agrees<Static<typeof S>, T> = true` fails
 * to compile the moment one of the two changes without the other.
 */
export type Agrees<FromSchema, Declared> = [FromSchema] extends [Writable<Declared>]
  ? [Writable<Declared>] extends [FromSchema]
    ? true
    : false
  : false
