import type { Db } from '../../store/database.ts'

/** What the document use cases need: the database, the clock and a source of ids. */
export type DocumentDeps = { readonly db: Db; readonly now: () => Date; readonly newId: () => string }
