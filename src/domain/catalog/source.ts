import { type Static, Type } from 'typebox'

export const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar date YYYY-MM-DD' })

/** Where a catalogue record comes from, and what in it is ours rather than the source's. */
export const SourceRef = Type.Object({
  url: Type.Union([Type.String(), Type.Null()], {
    description: 'Where the record was published; null for an offline source',
  }),
  title: Type.String({ description: 'Title of the source: the decision, database page or gazette entry' }),
  illustrative: Type.Array(Type.String(), {
    description: 'Fields or facts added by motcua that no public source confirms, each with why',
  }),
})
export type SourceRef = Static<typeof SourceRef>
