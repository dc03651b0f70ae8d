-- Inbound dossiers from the national portal (rules.md "Inbound dossiers from the national portal"):
-- one intake per national dossier id (MaHoSoQuocGia), the key that makes intake idempotent. An intake
-- moves received → fetched (attachments stored, with their SHA-256) → created (the dossier exists),
-- or ends rejected with its reason; each step is redone safely after a crash.
CREATE TABLE portal_intakes (
  national_id text PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('received', 'fetched', 'created', 'rejected')),
  received_via text NOT NULL CHECK (received_via IN ('push', 'pull')),
  submission jsonb NOT NULL,
  attachments jsonb,
  dossier_id uuid UNIQUE REFERENCES dossiers (id),
  reason text,
  detail text,
  attempts integer NOT NULL DEFAULT 0,
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  CHECK ((state = 'created') = (dossier_id IS NOT NULL)),
  CHECK ((state = 'rejected') = (reason IS NOT NULL))
);
CREATE INDEX portal_intakes_unfinished ON portal_intakes (updated_at) WHERE state IN ('received', 'fetched');

-- Deliveries refused before an intake could be trusted (wrong API key or signature, stale timestamp,
-- malformed body): kept for the operator, never keyed by what the untrusted body claims.
CREATE TABLE portal_intake_refusals (
  id bigserial PRIMARY KEY,
  received_via text NOT NULL CHECK (received_via IN ('push', 'pull')),
  claimed_national_id text,
  reason text NOT NULL,
  detail text,
  at timestamptz NOT NULL
);

-- Pull mode: the platform's cursor, and the lease that lets one instance at a time pull.
CREATE TABLE portal_intake_cursor (
  id integer PRIMARY KEY CHECK (id = 1),
  cursor text,
  leased_by text,
  lease_until timestamptz
);
INSERT INTO portal_intake_cursor (id) VALUES (1);
