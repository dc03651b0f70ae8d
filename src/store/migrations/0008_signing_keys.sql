-- Signing keys for electronic results (kết quả điện tử): a demo certification authority and one
-- certificate per agency, signed by it. Production configures real certificates instead.
CREATE TABLE signing_ca (
  id int PRIMARY KEY CHECK (id = 1),
  certificate_pem text NOT NULL,
  private_key_pem text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE signing_keys (
  agency_id text PRIMARY KEY REFERENCES agencies (id),
  certificate_pem text NOT NULL,
  private_key_pem text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Documents motcua issued (signed results), by the SHA-256 of their bytes, so a verifier can tell
-- which dossier a presented document belongs to.
CREATE TABLE issued_documents (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  dossier_id uuid REFERENCES dossiers (id),
  kind text NOT NULL,
  issued_at timestamptz NOT NULL
);
CREATE INDEX issued_documents_dossier ON issued_documents (dossier_id);
