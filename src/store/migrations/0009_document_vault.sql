-- Kho quản lý dữ liệu điện tử: each applicant's reusable documents (signed e-results, digitized
-- components), keyed by the applicant's identity so a citizen finds them after signing in with VNeID.
CREATE TABLE vault_items (
  id uuid PRIMARY KEY,
  owner_key text NOT NULL,
  sha256 text NOT NULL REFERENCES files (sha256),
  kind text NOT NULL CHECK (kind IN ('e_result', 'digitized')),
  title text NOT NULL,
  dossier_id uuid REFERENCES dossiers (id),
  agency_id text REFERENCES agencies (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX vault_items_owner ON vault_items (owner_key, created_at);
