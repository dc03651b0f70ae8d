-- Dossiers: the current-state projection and the append-only event log it is folded from.
-- The lifecycle engine (issue 4) adds the commands; this is the shape every later table keys on.
CREATE TABLE dossiers (
  id uuid PRIMARY KEY,
  province_code text NOT NULL REFERENCES provinces (code),
  code text UNIQUE,
  procedure_code text NOT NULL,
  procedure_version integer NOT NULL,
  receiving_agency_id text NOT NULL REFERENCES agencies (id),
  processing_agency_id text REFERENCES agencies (id),
  applicant jsonb NOT NULL,
  channel smallint NOT NULL CHECK (channel IN (1, 2, 3)),
  status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
  submitted_at timestamptz NOT NULL,
  received_at timestamptz,
  appointment_at timestamptz,
  original_appointment_at timestamptz,
  version integer NOT NULL,
  FOREIGN KEY (procedure_code, procedure_version) REFERENCES procedure_versions (procedure_code, version)
);
CREATE INDEX dossiers_receiving_status ON dossiers (province_code, receiving_agency_id, status);
CREATE INDEX dossiers_procedure ON dossiers (procedure_code);

CREATE TABLE dossier_events (
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  seq integer NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  actor jsonb NOT NULL,
  payload jsonb NOT NULL,
  PRIMARY KEY (dossier_id, seq)
);
