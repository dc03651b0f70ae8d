-- Uploaded files: content-addressed (one row and one stored object per distinct SHA-256), linked to
-- dossiers per required document (thành phần hồ sơ). The client's file name is kept for display only.
CREATE TABLE files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  storage_key text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE dossier_files (
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  sha256 text NOT NULL REFERENCES files (sha256),
  component_name text NOT NULL,
  original_name text,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (dossier_id, sha256, component_name)
);
CREATE INDEX dossier_files_sha256 ON dossier_files (sha256);
