import type { AxisClient } from '../../adapters/document-axis/axis-client.ts'
import type { ParsedPackage } from '../../domain/documents/edxml/parse-package.ts'
import type { Db } from '../../store/database.ts'

/** A received document handed to the documents module: once stored, at least once (de-duplicate by messageId). */
export type DocumentArrival = {
  /** Our id of the received package (axis_messages.id). */
  readonly messageId: string
  readonly package: ParsedPackage
}

export type AxisDeps = {
  readonly db: Db
  readonly client: AxisClient
  readonly now: () => Date
  readonly newId: () => string
  /** Our connection point on the axis (the province), answering packages addressed to nobody we know. */
  readonly connectionPoint: { readonly organId: string; readonly name: string }
  /** The documents module's intake of an arrived document (văn bản đến); it must be idempotent. */
  readonly onDocumentArrived: (arrival: DocumentArrival) => Promise<void>
}

export const axisActor = 'system:document-axis'
