import { randomUUID } from 'node:crypto'
import { type AxisClient, axisClient } from '../adapters/document-axis/axis-client.ts'
import type { KeyPairPem } from '../adapters/signing/certificates.ts'
import { loadSigningFiles } from '../adapters/signing/signing-files.ts'
import type { AxisDeps } from '../app/document-axis/axis-deps.ts'
import { registerAxisArrival } from '../app/documents/register-axis-arrival.ts'
import type { Config } from '../config/config.ts'
import type { Db } from '../store/database.ts'

/** The national document axis as configured (DOCUMENT_AXIS_…): its client, our signing key and connection point. */
export type DocumentAxisWiring = {
  readonly client: AxisClient
  readonly signer: KeyPairPem
  readonly connectionPoint: { readonly organId: string; readonly name: string }
}

/**
 * The axis's wiring, or null when it is not configured. Reads the signing key and certificate files
 * once; a file that cannot be read, or a key that is not the certificate's, throws SigningFilesError
 * (serve stops before listening).
 */
export function documentAxisFromEnv(config: Config['documentAxis'], timeoutMs: number): DocumentAxisWiring | null {
  if (config === null) return null
  return {
    client: axisClient({ baseUrl: config.baseUrl, systemId: config.systemId, secret: config.secret, timeoutMs }),
    signer: loadSigningFiles(config.signing),
    connectionPoint: config.connectionPoint,
  }
}

/** What the pull job needs: arrivals are registered in the recipient agency's incoming register. */
export function axisPullDeps(db: Db, axis: DocumentAxisWiring): AxisDeps {
  const now = () => new Date()
  return {
    db,
    client: axis.client,
    now,
    newId: randomUUID,
    connectionPoint: axis.connectionPoint,
    onDocumentArrived: async (arrival) => {
      await registerAxisArrival({ db, now, newId: randomUUID }, arrival)
    },
  }
}
