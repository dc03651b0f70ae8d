import type { StatusCode } from '../../domain/documents/edxml/status-code.ts'
import type { Db } from '../../store/database.ts'
import { loadMessage } from '../../store/document-axis/axis-messages.ts'
import { queueStatusReply, type StatusReply } from './queue-status-reply.ts'

/** Statuses a clerk reports on a document received over the axis (01 and 02 are sent on arrival). */
export type ReportableStatus = Extract<StatusCode, '03' | '04' | '05' | '06'>

/**
 * Báo cáo tình trạng xử lý văn bản đến cho nơi gửi: the documents module's call when a received
 * document is registered (03), assigned (04), in progress (05) or done (06). Queued through the
 * outbox like every package; false when the message is not a document we received and kept.
 */
export async function reportStatus(
  deps: { db: Db; now: () => Date; newId: () => string },
  messageId: string,
  reply: StatusReply & { readonly statusCode: ReportableStatus },
): Promise<boolean> {
  const received = await loadMessage(deps.db, messageId)
  if (received?.direction !== 'in' || received.kind !== 'edoc' || received.state === 'rejected') return false
  await deps.db.transaction().execute((tx) => queueStatusReply(tx, deps, received, reply))
  return true
}
