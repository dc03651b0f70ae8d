-- Bản nháp tờ khai: a citizen's declaration saved as they go, one per (account, procedure), with no
-- dossier code; it lives until `expires_at` (last save + MOTCUA_DRAFT_TTL_DAYS) and is then purged.
CREATE TABLE declaration_drafts (
  user_id uuid NOT NULL REFERENCES users (id),
  procedure_code text NOT NULL REFERENCES procedures (code),
  form_version integer NOT NULL CHECK (form_version >= 1),
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
  step text,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, procedure_code)
);
CREATE INDEX declaration_drafts_expires ON declaration_drafts (expires_at);

-- What VNeID vouches for beyond the name and identity number, kept to prefill the applicant's own
-- fields of a declaration (never silently: the prefill names its source).
ALTER TABLE users
  ADD COLUMN birth_date date,
  ADD COLUMN sex text CHECK (sex IN ('male', 'female')),
  ADD COLUMN address jsonb;
