-- A dossier has one signed e-result and one signed copy per digitized component. The application
-- checks before it signs, but two issuers racing (the HTTP handler and the relay's safety net, or two
-- processes) could both pass the check: these keys make the second insert conflict instead.
CREATE UNIQUE INDEX issued_documents_one_result ON issued_documents (dossier_id) WHERE kind = 'result';
CREATE UNIQUE INDEX dossier_files_one_signed_copy ON dossier_files (dossier_id, component_name)
  WHERE uploaded_by = 'motcua';
