-- Chỉ số cải cách hành chính of the province's departments and communes (rules.md, PAR index of
-- departments and communes): each year × kind of unit is a round with its criteria set frozen at
-- opening; the round and each unit's assessment are append-only events with a projection; evidence
-- files are kept by the file storage under their SHA-256 and listed per unit.
CREATE TABLE par_rounds (
  id text PRIMARY KEY,
  year integer NOT NULL,
  unit_kind text NOT NULL CHECK (unit_kind IN ('department', 'commune')),
  status text NOT NULL CHECK (status IN ('open', 'locked', 'published')),
  state jsonb NOT NULL,
  version integer NOT NULL,
  UNIQUE (year, unit_kind)
);

CREATE TABLE par_round_events (
  round_id text NOT NULL REFERENCES par_rounds (id),
  seq integer NOT NULL,
  event jsonb NOT NULL,
  PRIMARY KEY (round_id, seq)
);

CREATE TABLE par_assessments (
  round_id text NOT NULL REFERENCES par_rounds (id),
  unit_id text NOT NULL REFERENCES agencies (id),
  state jsonb NOT NULL,
  version integer NOT NULL,
  PRIMARY KEY (round_id, unit_id)
);

CREATE TABLE par_assessment_events (
  round_id text NOT NULL,
  unit_id text NOT NULL,
  seq integer NOT NULL,
  event jsonb NOT NULL,
  PRIMARY KEY (round_id, unit_id, seq),
  FOREIGN KEY (round_id, unit_id) REFERENCES par_assessments (round_id, unit_id)
);

CREATE TABLE par_evidence (
  round_id text NOT NULL,
  unit_id text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  name text,
  media_type text NOT NULL,
  size integer NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (round_id, unit_id, sha256),
  FOREIGN KEY (round_id, unit_id) REFERENCES par_assessments (round_id, unit_id)
);
