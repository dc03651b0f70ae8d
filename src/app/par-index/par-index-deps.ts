import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import type { Db } from '../../store/database.ts'

/** What the PAR-index use cases need: the database, the file storage for evidence, the clock. */
export type ParIndexDeps = {
  readonly db: Db
  readonly storage: FileStorage
  readonly now: () => Date
  /** Largest evidence file accepted, in bytes. */
  readonly maxEvidenceBytes: number
}
