import type { FileStorage } from '../adapters/storage/file-storage.ts'
import type { DecisionContext } from '../domain/dossier/context.ts'
import type { Db } from '../store/database.ts'
import { recordElectronicResult } from '../store/kpi/dossier-facts.ts'
import { signDigitizedCopy } from '../store/results/digitized-copy.ts'
import { issueElectronicResult } from '../store/results/electronic-result.ts'
import type { Consumer } from './consumer.ts'

/**
 * The signed e-result after `issued` and the signed copies after `component-digitized`. The HTTP
 * handler makes them right after the command; this consumer makes sure they exist even when the
 * process died in between (both steps are idempotent).
 */
export function signedDocumentsConsumer(options: {
  db: Db
  storage: FileStorage
  calendars: () => Promise<DecisionContext['calendar']>
  now?: () => Date
}): Consumer {
  const now = options.now ?? (() => new Date())
  return {
    name: 'signed-documents',
    accepts: (m) => m.topic === 'dossier.issued' || m.topic === 'dossier.component-digitized',
    async deliver(m) {
      if (m.topic === 'dossier.component-digitized') {
        await signDigitizedCopy(options.db, options.storage, m.key, now())
        return
      }
      if (await issueElectronicResult(options.db, options.storage, m.key, now()))
        await recordElectronicResult(options.db, m.key, await options.calendars())
    },
  }
}
