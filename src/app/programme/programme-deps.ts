import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import type { Db } from '../../store/database.ts'

/** What the programme's use cases need: the database, the file storage, the clock and ids. */
export type ProgrammeDeps = {
  readonly db: Db
  readonly storage: FileStorage
  readonly now: () => Date
  readonly newId: () => string
}
