import type { AxisClient } from '../../adapters/document-axis/axis-client.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import { loadMessage, markSent } from '../../store/document-axis/axis-messages.ts'
import { axisActor } from './axis-deps.ts'

/**
 * Hands one queued package to the axis, one attempt (the relay retries). Our message id goes with it,
 * so an attempt that reached the axis but lost its answer is not doubled by the next one; a package
 * sent already is not sent again.
 */
export async function deliverQueued(
  deps: { db: Db; client: AxisClient; now: () => Date },
  messageId: string,
): Promise<void> {
  const message = await loadMessage(deps.db, messageId)
  if (message?.direction !== 'out' || message.state !== 'queued') return
  const axisId = await deps.client.send({
    messageId: message.id,
    type: message.kind,
    from: message.fromCode,
    xml: message.xml,
  })
  const now = deps.now()
  await deps.db.transaction().execute(async (tx) => {
    if (!(await markSent(tx, message.id, axisId, now))) return
    await appendAudit(tx, {
      at: now,
      actor: axisActor,
      action: 'axis.sent',
      subject: `axis-message:${message.id}`,
      before: { state: 'queued' },
      after: { state: 'sent', axisId },
    })
  })
}
