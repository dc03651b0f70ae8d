import type { PendingAxisMessage } from '../../adapters/document-axis/axis-client.ts'
import { checkPackageSignature, type SignatureCheck } from '../../adapters/signing/xml-signature-check.ts'
import { dayOf, isoDate } from '../../domain/calendar/local-time.ts'
import type { PackageProblem } from '../../domain/documents/edxml/package-problem.ts'
import { type ParsedPackage, parsePackage } from '../../domain/documents/edxml/parse-package.ts'
import { replyReference } from '../../domain/documents/edxml/reply-reference.ts'
import { StatusCode } from '../../domain/documents/edxml/status-code.ts'
import { parseStatusMessage } from '../../domain/documents/edxml/status-message.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import { agencyOfCode } from '../../store/document-axis/axis-directory.ts'
import {
  type AxisMessage,
  appendStatus,
  incomingByAxisId,
  insertIncoming,
  loadMessage,
  markRevoked,
  packagesOfDocument,
} from '../../store/document-axis/axis-messages.ts'
import { type AxisDeps, axisActor } from './axis-deps.ts'
import { handOver } from './hand-over.ts'
import { queueStatusReply } from './queue-status-reply.ts'

export type TakeInOutcome = 'received' | 'rejected' | 'duplicate' | 'status-recorded' | 'status-refused'

/**
 * Nhận một gói tin từ trục: stores it once by the axis's id (a second delivery meets the stored one),
 * answers the sender (01 đã đến, or 02 từ chối with the problems in Vietnamese), records a revocation
 * against the document it revokes, records a status package against the document we sent, hands a
 * document to the documents module, and then acknowledges the axis — done, or fail for a refused
 * package. A crash before the acknowledgement repeats only the acknowledgement.
 */
export async function takeInMessage(deps: AxisDeps, item: PendingAxisMessage): Promise<TakeInOutcome> {
  const stored = await incomingByAxisId(deps.db, item.axisId)
  if (stored) {
    await deps.client.acknowledge(item.axisId, stored.state === 'rejected' ? 'fail' : 'done')
    return 'duplicate'
  }
  const xml = await deps.client.fetch(item.axisId)
  const outcome = item.type === 'status' ? await takeInStatus(deps, item, xml) : await takeInDocument(deps, item, xml)
  await deps.client.acknowledge(item.axisId, outcome === 'rejected' || outcome === 'status-refused' ? 'fail' : 'done')
  return outcome
}

const signaturePath = '/edXML/edXMLEnvelope/edXMLHeader/Signature'

/** A document without a valid signature is refused (Decree 30/2020/NĐ-CP Art. 8: văn bản điện tử is digitally signed). */
const signatureProblem: Record<SignatureCheck, readonly PackageProblem[] | null> = {
  valid: null,
  invalid: [
    {
      path: signaturePath,
      vi: 'Chữ ký số không hợp lệ: gói tin đã bị thay đổi sau khi ký',
      en: 'The XML signature does not verify: the package changed after signing',
    },
  ],
  absent: [{ path: signaturePath, vi: 'Gói tin không có chữ ký số', en: 'The package carries no XML signature' }],
}

const problemsText = (problems: readonly PackageProblem[]) =>
  problems
    .map((p) => p.vi)
    .join('; ')
    .slice(0, 1000)

/** A package for none of our agencies is refused (02): nobody here could register it. */
async function recipientProblem(deps: AxisDeps, p: ParsedPackage, today: string) {
  for (const r of p.recipients) if (await agencyOfCode(deps.db, r.organId, today)) return null
  return [
    {
      path: '/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To/OrganId',
      vi: `Không có cơ quan nhận nào thuộc hệ thống: ${p.recipients.map((r) => r.organId).join(', ')}`,
      en: `None of the recipients is ours: ${p.recipients.map((r) => r.organId).join(', ')}`,
    },
  ]
}

/** Which of our agencies answers: the first recipient that is ours, else our connection point. */
async function answeringAgency(
  deps: AxisDeps,
  recipients: readonly { organId: string; name: string }[],
  today: string,
) {
  for (const r of recipients)
    if (await agencyOfCode(deps.db, r.organId, today)) return { organId: r.organId, name: r.name }
  return deps.connectionPoint
}

async function takeInDocument(deps: AxisDeps, item: PendingAxisMessage, xml: string): Promise<TakeInOutcome> {
  const now = deps.now()
  const today = isoDate(dayOf(now.getTime()))
  const parsed = parsePackage(xml)
  const refusal = parsed.ok
    ? (signatureProblem[checkPackageSignature(xml)] ?? (await recipientProblem(deps, parsed.package, today)))
    : parsed.problems
  const id = deps.newId()
  if (!parsed.ok || refusal) {
    const problems = refusal ?? []
    const ref = replyReference(xml, { organId: item.from, documentId: `axis:${item.axisId}`, today })
    await deps.db.transaction().execute(async (tx) => {
      const message = incoming(id, item, xml, {
        documentId: ref.responseFor.documentId,
        fromCode: ref.responseFor.organId,
        toCodes: ref.addressedTo,
        state: 'rejected',
        problems,
      })
      if (!(await insertIncoming(tx, message, now))) return
      await appendAudit(tx, {
        at: now,
        actor: axisActor,
        action: 'axis.rejected',
        subject: `axis-message:${id}`,
        before: null,
        after: { axisId: item.axisId, problems: problems },
      })
      await queueStatusReply(
        tx,
        deps,
        { ...message, createdAt: now, handedOverAt: null },
        {
          statusCode: StatusCode.Rejected,
          description: `Từ chối tiếp nhận: ${problemsText(problems)}`,
          from: deps.connectionPoint,
          actor: axisActor,
        },
      )
    })
    return 'rejected'
  }
  const p = parsed.package
  const from = await answeringAgency(deps, p.recipients, today)
  let inserted = false
  await deps.db.transaction().execute(async (tx) => {
    const message = incoming(id, item, xml, {
      documentId: p.documentId,
      fromCode: p.from.organId,
      toCodes: p.recipients.map((r) => r.organId),
      state: 'received',
      problems: null,
      business: p.business,
    })
    inserted = await insertIncoming(tx, message, now)
    if (!inserted) return
    await appendAudit(tx, {
      at: now,
      actor: axisActor,
      action: 'axis.received',
      subject: `axis-message:${id}`,
      before: null,
      after: { axisId: item.axisId, documentId: p.documentId, business: p.business },
    })
    if (p.business === 'revocation' && p.targetDocumentId) await recordRevocation(tx, p, id, now)
    await queueStatusReply(
      tx,
      deps,
      { ...message, createdAt: now, handedOverAt: null },
      { statusCode: StatusCode.Arrived, from, actor: axisActor },
    )
  })
  const message = inserted ? await loadMessage(deps.db, id) : null
  if (message) await handOver(deps, message, p)
  return 'received'
}

async function recordRevocation(tx: Db, p: ParsedPackage, via: string, now: Date): Promise<void> {
  for (const revoked of await markRevoked(tx, p.targetDocumentId ?? '', now))
    await appendAudit(tx, {
      at: now,
      actor: axisActor,
      action: 'axis.revoked',
      subject: `axis-message:${revoked}`,
      before: { state: 'received' },
      after: { state: 'revoked', by: via, reason: p.reason },
    })
}

const unknownDocument: PackageProblem = {
  path: '/Envelope/Header/Status/ResponseFor/DocumentId',
  vi: 'Không có văn bản đã gửi nào mang mã định danh này',
  en: 'No document we sent has this id',
}

async function takeInStatus(deps: AxisDeps, item: PendingAxisMessage, xml: string): Promise<TakeInOutcome> {
  const now = deps.now()
  const parsed = parseStatusMessage(xml)
  const target = parsed.ok
    ? (await packagesOfDocument(deps.db, 'out', parsed.status.responseFor.documentId))[0]
    : undefined
  const problems = parsed.ok ? (target ? null : [unknownDocument]) : parsed.problems
  const id = deps.newId()
  await deps.db.transaction().execute(async (tx) => {
    const documentId = parsed.ok ? parsed.status.responseFor.documentId : null
    const fromCode = parsed.ok ? parsed.status.from.organId : item.from
    const message = {
      ...incoming(id, item, xml, {
        documentId,
        fromCode,
        toCodes: [],
        state: problems ? 'rejected' : 'received',
        problems,
      }),
      kind: 'status' as const,
    }
    if (!(await insertIncoming(tx, message, now))) return
    if (!parsed.ok || !target) {
      await appendAudit(tx, {
        at: now,
        actor: axisActor,
        action: 'axis.status-refused',
        subject: `axis-message:${id}`,
        before: null,
        after: { axisId: item.axisId, problems },
      })
      return
    }
    const s = parsed.status
    await appendStatus(tx, {
      messageId: target.id,
      direction: 'received',
      statusCode: s.statusCode,
      description: s.description,
      reportedBy: s.from.organId,
      at: s.at,
      via: id,
    })
    await appendAudit(tx, {
      at: now,
      actor: axisActor,
      action: 'axis.status-received',
      subject: `axis-message:${target.id}`,
      before: null,
      after: { statusCode: s.statusCode, by: s.from.organId, via: id },
    })
  })
  return problems ? 'status-refused' : 'status-recorded'
}

function incoming(
  id: string,
  item: PendingAxisMessage,
  xml: string,
  m: Pick<AxisMessage, 'documentId' | 'fromCode' | 'toCodes' | 'state' | 'problems'> & {
    business?: AxisMessage['business']
  },
) {
  return { id, direction: 'in' as const, kind: 'edoc' as const, axisId: item.axisId, xml, business: null, ...m }
}
