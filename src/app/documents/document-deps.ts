import type { Db } from '../../store/database.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'

/**
 * What the document use cases need: the database, the clock and a source of ids; and the dossier
 * engine, which a consultation letter and its answer move (without it they cannot be issued).
 */
export type DocumentDeps = {
  readonly db: Db
  readonly now: () => Date
  readonly newId: () => string
  readonly engine?: ReturnType<typeof dossierCommands>
}
