import { dayOf, isoDate } from '../../domain/calendar/local-time.ts'
import { statusOfIncomingEvent } from '../../domain/documents/delivery-status.ts'
import { StatusCode } from '../../domain/documents/edxml/status-code.ts'
import type { IncomingDocument, IncomingEvent } from '../../domain/documents/incoming.ts'
import type { Db } from '../../store/database.ts'
import { agencyCodeOn } from '../../store/document-axis/axis-directory.ts'
import { loadMessage } from '../../store/document-axis/axis-messages.ts'
import { arrivalOfDocument } from '../../store/documents/axis-arrivals.ts'
import { agencyForDocuments } from '../../store/documents/document-store.ts'
import { axisActor } from '../document-axis/axis-deps.ts'
import { queueStatusReply } from '../document-axis/queue-status-reply.ts'

type Deps = { readonly now: () => Date; readonly newId: () => string }

/**
 * Một văn bản đến đã được đăng ký (it has its arrival number): by its clerk, or on arrival for one
 * received over the axis. The one hook for what follows registration, called in the registering
 * transaction with the registered document; today it tells an axis sender 03 (đã tiếp nhận).
 */
export async function incomingDocumentRegistered(tx: Db, deps: Deps, d: IncomingDocument): Promise<void> {
  await reportToAxisSender(tx, deps, d, StatusCode.Accepted)
}

/** The codes reported after a clerk's command: assigned (04), handled (05), done or answered (06). */
const isReportedAfterCommand = (code: StatusCode | null): code is '04' | '05' | '06' =>
  code === StatusCode.Assigned || code === StatusCode.Processing || code === StatusCode.Done

/** After an event on an incoming document, in its transaction: the sender over the axis hears of it. */
export async function incomingDocumentMoved(tx: Db, deps: Deps, d: IncomingDocument, e: IncomingEvent): Promise<void> {
  if (e.type === 'registered') return incomingDocumentRegistered(tx, deps, d)
  const code = statusOfIncomingEvent(e)
  if (isReportedAfterCommand(code)) await reportToAxisSender(tx, deps, d, code)
}

/** Queues a status package to the sender of a document received over the axis; nothing for any other. */
async function reportToAxisSender(
  tx: Db,
  deps: Deps,
  d: IncomingDocument,
  statusCode: '03' | '04' | '05' | '06',
): Promise<void> {
  const messageId = await arrivalOfDocument(tx, d.id)
  const received = messageId ? await loadMessage(tx, messageId) : null
  if (received?.state !== 'received') return
  const today = isoDate(dayOf(deps.now().getTime()))
  const organId = await agencyCodeOn(tx, d.agencyId, today)
  const agency = await agencyForDocuments(tx, d.agencyId, today)
  if (organId === null || agency === null) return
  await queueStatusReply(tx, deps, received, { statusCode, from: { organId, name: agency.name }, actor: axisActor })
}
