import { randomUUID } from 'node:crypto'
import { type ResultDocument, renderSignedResultDocument } from '../../adapters/pdf/result-document.ts'
import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import { formatInstant } from '../../domain/calendar/local-time.ts'
import { Role } from '../../domain/dossier/actor.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import type { Db } from '../../store/database.ts'
import { registerDossierDocument } from '../documents/register-dossier-document.ts'
import { signAsIssued } from '../documents/sign-as-issued.ts'

/**
 * A result that is a decision (the procedure's result name begins "Quyết định", e.g. 1.011607,
 * KH.DEMO.020) is a văn bản hành chính (Decree 30/2020 Art. 7) and is numbered in the agency's
 * outgoing register. A certificate, licence or extract (giấy khai sinh, giấy phép…) is a văn bản
 * chuyên ngành (Art. 3(2)) numbered in its own book as its field's law says (Art. 15(1)(b)), one of
 * the documents registered apart (Art. 4(2)(b)): it is not registered here.
 */
export const isDecision = (resultName: string): boolean =>
  (resultName.split(';')[0]?.trim() ?? '').startsWith('Quyết định')

/** The leader who approved the dossier: the last step handed on by a leader. */
export const approvingLeader = (d: Dossier) =>
  [...d.steps].reverse().find((s) => s.handedBy.role === Role.Leader)?.handedBy

/** The title line above the decision's signature (Decree 30/2020 Appendix I, II.7); an assumption. */
const signerTitle = 'THỦ TRƯỞNG CƠ QUAN'

/**
 * Quyết định as a numbered outgoing document, under the dossier's lock in issue-electronic-result's
 * transaction: the number is allocated, the result rendered bearing the notation, signed by the
 * leader who approved it and sealed by the agency, kept in file storage (the e-result's copy) and in
 * the register, addressed to the applicant and linked to the dossier as `result_decision`.
 */
export async function issueResultDecision(
  tx: Db,
  storage: FileStorage,
  dossierId: string,
  d: Dossier,
  issued: { readonly agencyId: string; readonly code: string; readonly issuedAt: number },
  now: Date,
  resultName: string,
  result: (notation: string) => Promise<ResultDocument>,
): Promise<{ sha256: string; size: number; resultName: string }> {
  const approver = approvingLeader(d)
  if (!approver) throw new Error(`dossier ${dossierId}: no leader approved the decision`)
  const leader = { userId: approver.id, name: approver.name }
  let pdf: Buffer | null = null
  const document = await registerDossierDocument(
    tx,
    {
      dossierId,
      role: 'result_decision',
      agencyId: issued.agencyId,
      actorId: approver.id,
      signer: { ...leader, title: signerTitle },
      content: {
        type: 'quyet-dinh',
        subject: `${resultName.split(';')[0]?.trim()} — ${d.applicant.name}`,
        body: `Kết quả giải quyết hồ sơ ${issued.code} của ${d.applicant.name}.`,
        urgency: 'normal',
        confidentiality: 'none',
        draftingUnit: 'VP',
        recipients: [{ kind: 'person', name: d.applicant.name }],
        replyTo: null,
      },
    },
    async (notation, agency) => {
      const rendered = await renderSignedResultDocument(
        await result(notation),
        new Date(issued.issuedAt),
        signerTitle,
        { signerName: leader.name, agencyName: agency.name, signedAt: formatInstant(now.getTime()) },
      )
      pdf = await signAsIssued(tx, rendered, leader, agency, notation, now)
      return pdf
    },
    now,
    randomUUID,
  )
  const bytes = pdf as Buffer | null
  if (bytes === null || document.sha256 === null) throw new Error(`dossier ${dossierId}: the decision was not signed`)
  await storage.put(document.sha256, bytes, { size: bytes.length, mediaType: 'application/pdf' })
  return { sha256: document.sha256, size: bytes.length, resultName }
}
