import type { AxisClient } from '../../adapters/document-axis/axis-client.ts'
import { isAgencyCode } from '../../domain/documents/edxml/agency-code.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import { type DirectoryChanges, mergeDirectory } from '../../store/document-axis/axis-directory.ts'
import { axisActor } from './axis-deps.ts'

export type DirectoryRefresh = DirectoryChanges & { readonly listed: number }

/**
 * Fetches the axis's directory of connected agencies (đơn vị liên thông) and merges it into ours, in
 * one audited transaction. Entries without a QCVN 102 code are left out; an agency no longer listed is
 * kept and marked absent, since documents and packages name it (rules.md "Delivery trail and axis directory").
 */
export async function refreshDirectory(deps: {
  db: Db
  client: AxisClient
  now: () => Date
}): Promise<DirectoryRefresh> {
  const entries = (await deps.client.agencies()).filter((a) => isAgencyCode(a.code))
  const now = deps.now()
  return deps.db.transaction().execute(async (tx) => {
    const changes = await mergeDirectory(tx, entries, now)
    await appendAudit(tx, {
      at: now,
      actor: axisActor,
      action: 'axis.directory-refreshed',
      subject: 'axis-directory',
      before: null,
      after: { listed: entries.length, absent: changes.absent, returned: changes.returned },
    })
    return { listed: entries.length, ...changes }
  })
}
