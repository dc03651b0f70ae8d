import type { CodeList } from '../form-definition.ts'
import ethnicity from './ethnicity.json' with { type: 'json' }
import nationality from './nationality.json' with { type: 'json' }
import province from './province.json' with { type: 'json' }
import relationship from './relationship.json' with { type: 'json' }
import sex from './sex.json' with { type: 'json' }

/** The code lists declarations draw on, each with its source; a form carries the ones it uses. */
export const codeLists = { ethnicity, nationality, province, relationship, sex } satisfies Record<string, CodeList>
export type CodeListName = keyof typeof codeLists

/** The codes of a list, for a schema's `enum`. */
export const codesOf = (name: CodeListName): string[] => codeLists[name].entries.map((e) => e.code)
