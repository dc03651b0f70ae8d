/**
 * Why an official document is attached to a dossier (issue 17 §4): a consultation letter
 * (văn bản lấy ý kiến) sent to a coordinating agency during appraisal and its answer (the
 * coordinating agency's time share of the internal process runs meanwhile, the `coordination`
 * step of src/domain/dossier/deadlines.ts), the apology letter (phiếu xin lỗi và hẹn lại ngày trả
 * kết quả, form 04 of Circular 03/2025/TT-VPCP) and the result decision, each issued as a numbered
 * outgoing document of the agency (Decree 30/2020/NĐ-CP Art. 15).
 */
export type DossierDocumentRole = 'consultation_letter' | 'consultation_answer' | 'apology' | 'result_decision'

export const dossierDocumentRoles: readonly DossierDocumentRole[] = [
  'consultation_letter',
  'consultation_answer',
  'apology',
  'result_decision',
]

/** One link of the dossier's document trail; `replyTo` is the letter an answer answers. */
export type DossierDocumentLink = {
  readonly documentId: string
  readonly dossierId: string
  readonly role: DossierDocumentRole
  readonly replyTo: string | null
  readonly createdAt: string
}
