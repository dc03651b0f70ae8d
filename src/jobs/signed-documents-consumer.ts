import type { FileStorage } from '../adapters/storage/file-storage.ts'
import { issueElectronicResult } from '../app/results/issue-electronic-result.ts'
import { signDigitizedCopies } from '../app/results/sign-digitized-copies.ts'
import { workingDaysFromDatabase } from '../store/calendar/working-days-cache.ts'
import type { Db } from '../store/database.ts'
import { dossierCommands } from '../store/dossiers/dossier-commands.ts'
import type { Consumer } from './consumer.ts'

/**
 * The signed e-result after `issued` and the signed copies after `component-digitized`. The HTTP
 * handler makes them right after the command; this consumer makes sure they exist even when the
 * process died in between (both use cases sign once, whoever comes first).
 */
export function signedDocumentsConsumer(options: {
  db: Db
  storage: FileStorage
  engine?: ReturnType<typeof dossierCommands>
  now?: () => Date
}): Consumer {
  const now = options.now ?? (() => new Date())
  const engine = options.engine ?? dossierCommands(options.db, workingDaysFromDatabase(options.db))
  const deps = { db: options.db, storage: options.storage, engine }
  return {
    name: 'signed-documents',
    accepts: (m) => m.topic === 'dossier.issued' || m.topic === 'dossier.component-digitized',
    async deliver(m) {
      if (m.topic === 'dossier.component-digitized') await signDigitizedCopies(deps, m.key, now())
      else await issueElectronicResult(deps, m.key, now())
    },
  }
}
