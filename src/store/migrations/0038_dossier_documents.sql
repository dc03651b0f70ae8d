-- The official documents of a dossier (issue 17 §4): the consultation letters an agency sends during
-- appraisal and the answers that arrive, the apology (form 04) and the result decision, each a
-- numbered document of an agency's register linked to the dossier it concerns. A document belongs
-- to at most one dossier; the answer names the letter it answers (reply_to) so the trail pairs them.
CREATE TABLE dossier_documents (
  document_id uuid PRIMARY KEY REFERENCES documents (id),
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  role text NOT NULL CHECK (role IN ('consultation_letter', 'consultation_answer', 'apology', 'result_decision')),
  reply_to uuid REFERENCES documents (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX dossier_documents_dossier ON dossier_documents (dossier_id, created_at);
CREATE INDEX dossier_documents_reply_to ON dossier_documents (reply_to) WHERE reply_to IS NOT NULL;
