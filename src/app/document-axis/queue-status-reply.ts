import { dayOf, isoDate } from '../../domain/calendar/local-time.ts'
import { replyReference } from '../../domain/documents/edxml/reply-reference.ts'
import { type StatusCode, statusWording } from '../../domain/documents/edxml/status-code.ts'
import { buildStatusMessage } from '../../domain/documents/edxml/status-message.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import { type AxisMessage, appendStatus, queueOutgoing } from '../../store/document-axis/axis-messages.ts'

export type StatusReply = {
  readonly statusCode: StatusCode
  readonly description?: string
  /** Who reports, as the status package names them (StaffInfo). */
  readonly staff?: { readonly department: string; readonly name: string }
  /** Our agency answering: its QCVN 102 code and name. */
  readonly from: { readonly organId: string; readonly name: string }
  readonly actor: string
}

/**
 * Báo trạng thái văn bản đến: queues a status package to the sender of a received package, with its
 * outbox message, and records the status in the package's history — in the caller's transaction.
 */
export async function queueStatusReply(
  tx: Db,
  deps: { now: () => Date; newId: () => string },
  received: AxisMessage,
  reply: StatusReply,
): Promise<string> {
  const now = deps.now()
  const ref = replyReference(received.xml, {
    organId: received.fromCode,
    documentId: `axis:${received.axisId}`,
    today: isoDate(dayOf(now.getTime())),
  })
  const description = reply.description ?? statusWording[reply.statusCode].vi
  const xml = buildStatusMessage({
    responseFor: ref.responseFor,
    from: reply.from,
    statusCode: reply.statusCode,
    description,
    at: now,
    ...(reply.staff ? { staff: reply.staff } : {}),
  })
  const id = deps.newId()
  await queueOutgoing(
    tx,
    {
      id,
      direction: 'out',
      kind: 'status',
      axisId: null,
      documentId: ref.responseFor.documentId,
      business: null,
      fromCode: reply.from.organId,
      toCodes: [ref.responseFor.organId],
      state: 'queued',
      xml,
      problems: null,
    },
    now,
  )
  await appendStatus(tx, {
    messageId: received.id,
    direction: 'sent',
    statusCode: reply.statusCode,
    description,
    reportedBy: reply.from.organId,
    at: now,
    via: id,
  })
  await appendAudit(tx, {
    at: now,
    actor: reply.actor,
    action: 'axis.status-queued',
    subject: `axis-message:${received.id}`,
    before: null,
    after: { statusCode: reply.statusCode, via: id },
  })
  return id
}
