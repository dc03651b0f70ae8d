-- Documents received over the national axis (issue 17 §3): each received package becomes at most one
-- incoming document (the axis message id is the key, so the same package twice is one document), with
-- its attachments and their SHA-256, and what later packages did to it (revoked, replaced by).
CREATE TABLE document_axis_arrivals (
  axis_message_id uuid PRIMARY KEY REFERENCES axis_messages (id),
  document_id uuid NOT NULL UNIQUE REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
  -- edXML's DocumentId of the document as the sender named it: revocations and replacements name it.
  edxml_document_id text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX document_axis_arrivals_edxml ON document_axis_arrivals (edxml_document_id);

CREATE TABLE document_attachments (
  document_id uuid NOT NULL REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
  seq integer NOT NULL,
  name text NOT NULL,
  media_type text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  PRIMARY KEY (document_id, seq)
);
