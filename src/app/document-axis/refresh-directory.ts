import type { AxisClient } from '../../adapters/document-axis/axis-client.ts'
import { isAgencyCode } from '../../domain/documents/edxml/agency-code.ts'
import type { Db } from '../../store/database.ts'
import { replaceDirectory } from '../../store/document-axis/axis-directory.ts'

/** Fetches the axis's directory of connected agencies and stores it; entries without a QCVN 102 code are left out. */
export async function refreshDirectory(deps: { db: Db; client: AxisClient; now: () => Date }): Promise<number> {
  const entries = (await deps.client.agencies()).filter((a) => isAgencyCode(a.code))
  await replaceDirectory(deps.db, entries, deps.now())
  return entries.length
}
