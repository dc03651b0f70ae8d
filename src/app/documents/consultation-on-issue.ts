import { sql, type Transaction } from 'kysely'
import { type ConsultationStep, stepClosedByAnswer, stepOpenedByLetter } from '../../domain/documents/consultation.ts'
import type { DossierDocumentLink } from '../../domain/documents/dossier-document.ts'
import type { OutgoingDocument } from '../../domain/documents/outgoing.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import { loadDocument } from '../../store/documents/document-store.ts'
import { dossierOfDocument, linkDossierDocument } from '../../store/documents/dossier-documents.ts'
import type { Outcome } from '../../store/dossiers/dossier-commands.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import type { Database } from '../../store/schema.ts'
import type { DocumentDeps } from './document-deps.ts'

/** What the dossier engine answered when it would not move the dossier. */
export type DossierRefusal = Exclude<Outcome, { ok: true }>

/** The step an issued document runs; for an answer, its incoming copy at the lead agency and the letter. */
type Consultation = {
  readonly dossierId: string
  readonly step: ConsultationStep
  /** For an answer: the letter and the answer's incoming copy at the lead agency (null before issuance). */
  readonly answer: { readonly copyId: string | null; readonly letterId: string } | null
}

/** The step an issued document runs, if it is a consultation letter or an answer to one. */
async function consultationOf(tx: Transaction<Database>, issued: OutgoingDocument): Promise<Consultation | null> {
  const own = await dossierOfDocument(tx, issued.id)
  if (own) {
    const step = stepOpenedByLetter(issued, own)
    return step && { dossierId: own.dossierId, step, answer: null }
  }
  if (issued.content.replyTo === null) return null
  const answered = await loadDocument(tx, issued.content.replyTo)
  const source = answered?.direction === 'incoming' ? answered.document.sourceDocumentId : null
  const letter = source ? await loadDocument(tx, source) : null
  const letterLink = letter ? await dossierOfDocument(tx, letter.id) : undefined
  if (answered?.direction !== 'incoming' || letter?.direction !== 'outgoing' || !letterLink) return null
  const step = stepClosedByAnswer(issued, answered, letter, letterLink)
  if (step === null) return null
  const copy = issued.delivered.find((c) => c.agencyId === letter.agencyId)
  return { dossierId: letterLink.dossierId, step, answer: { copyId: copy?.documentId ?? null, letterId: letter.id } }
}

/** Runs the consultation's dossier command in the caller's transaction, as the document's signer. */
async function runStep(
  tx: Transaction<Database>,
  deps: DocumentDeps,
  found: Consultation,
  documentId: string,
  now: Date,
) {
  if (deps.engine === undefined) throw new Error(`document ${documentId} moves a dossier but no engine was given`)
  const dossier = await loadDossier(tx, found.dossierId)
  if (dossier === null) return { ok: false, problem: 'not-found' } as const
  return deps.engine.run(found.dossierId, found.step, dossier.state.version, {
    idempotencyKey: `consultation:${documentId}`,
    now,
    transaction: tx,
  })
}

/**
 * Before a consultation letter or its answer takes a number: whether the engine would move the
 * dossier now, asked by running the command and undoing it — so a letter that cannot be issued uses
 * no number of the register, and the rule stays the engine's alone.
 */
export async function consultationOnNumbering(
  tx: Transaction<Database>,
  deps: DocumentDeps,
  approved: OutgoingDocument,
  now: Date,
): Promise<DossierRefusal | null> {
  const found = await consultationOf(tx, approved)
  if (found === null) return null
  await sql`SAVEPOINT consultation_check`.execute(tx)
  const outcome = await runStep(tx, deps, found, approved.id, now)
  await sql`ROLLBACK TO SAVEPOINT consultation_check`.execute(tx)
  return outcome.ok ? null : outcome
}

/**
 * After a document is issued, in the issuing transaction (rules.md "Consultation letters on
 * dossiers"): a consultation letter transfers its dossier to the agency it asks, and an answer to
 * one — its incoming copy at the lead agency linked as `consultation_answer` — returns the dossier.
 * The engine decides as the document's signer; its refusal is returned so the caller rolls the whole
 * issuance back, register number included.
 */
export async function consultationOnIssue(
  tx: Transaction<Database>,
  deps: DocumentDeps,
  issued: OutgoingDocument,
  now: Date,
): Promise<DossierRefusal | null> {
  const found = await consultationOf(tx, issued)
  if (found === null) return null
  const outcome = await runStep(tx, deps, found, issued.id, now)
  if (!outcome.ok) return outcome
  if (found.answer?.copyId) {
    const link: DossierDocumentLink = {
      documentId: found.answer.copyId,
      dossierId: found.dossierId,
      role: 'consultation_answer',
      replyTo: found.answer.letterId,
      createdAt: now.toISOString(),
    }
    await linkDossierDocument(tx, link)
    await appendAudit(tx, {
      at: now,
      actor: found.step.actor.id,
      action: 'dossier.consultation-answered',
      subject: `dossier:${found.dossierId}`,
      before: null,
      after: link,
    })
  } else if (found.answer === null)
    await appendAudit(tx, {
      at: now,
      actor: found.step.actor.id,
      action: 'dossier.consultation-sent',
      subject: `dossier:${found.dossierId}`,
      before: null,
      after: {
        documentId: issued.id,
        toAgencyId: found.step.action === 'transfer-to-agency' ? found.step.toAgencyId : null,
      },
    })
  return null
}
