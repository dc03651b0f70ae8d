-- Petitions from the national portal (rules.md "Petitions", from the national portal).

-- Pull mode: the platform's petition feed cursor. One instance at a time pulls, holding the job lease
-- 'portal-petitions-pull' (job_leases); the cursor moves only while that lease is held.
CREATE TABLE portal_petition_cursor (
  id integer PRIMARY KEY CHECK (id = 1),
  cursor text,
  updated_at timestamptz
);
INSERT INTO portal_petition_cursor (id) VALUES (1);

-- Petition deliveries motcua refused, pushed or pulled, kept for the operator. One that could not be
-- trusted (wrong key or signature, a body off the schema) keeps what the body claims and is never keyed
-- by it (portal_id NULL). One refused on its content (a unit or dossier motcua does not know) is keyed
-- by its portal id, so a redelivery meets the same refusal, and is reported back to the platform
-- through the outbox (reported_at once the platform took it).
CREATE TABLE portal_petition_refusals (
  id bigserial PRIMARY KEY,
  received_via text NOT NULL CHECK (received_via IN ('push', 'pull')),
  claimed_portal_id text,
  portal_id text UNIQUE,
  reason text NOT NULL,
  detail text,
  at timestamptz NOT NULL,
  reported_at timestamptz,
  CHECK (portal_id IS NULL OR portal_id = claimed_portal_id)
);
