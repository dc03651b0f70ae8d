import { type PortalSyncOptions, syncDossier } from '../app/portal/sync-dossier.ts'
import { portalResyncTopic } from '../store/portal/portal-sync.ts'
import type { Consumer } from './consumer.ts'

/**
 * The national portal as a consumer of the outbox: every dossier message, and every resend asked for
 * by reconciliation, triggers a sync of that dossier.
 */
export function nationalPortalConsumer(options: PortalSyncOptions): Consumer {
  return {
    name: 'national-portal',
    accepts: (message) => message.topic.startsWith('dossier.') || message.topic === portalResyncTopic,
    async deliver(message) {
      await syncDossier(options, message.payload.dossierId)
    },
  }
}
