-- The lifecycle engine's tables: the projection gains the folded state and query columns, events
-- gain a per-dossier hash chain, commands are idempotent, codes are allocated per unit and day
-- without gaps, and every event leaves an outbox message and daily indicator counters.
ALTER TABLE dossiers
  ADD COLUMN holder_agency_id text REFERENCES agencies (id),
  ADD COLUMN assignee_id text,
  ADD COLUMN current_phase text,
  ADD COLUMN current_step_due_at timestamptz,
  ADD COLUMN late_warning_at timestamptz,
  ADD COLUMN ended_at timestamptz,
  ADD COLUMN applicant_id text,
  ADD COLUMN state jsonb,
  ADD COLUMN head_hash text,
  ADD COLUMN updated_at timestamptz;
CREATE INDEX dossiers_holder_queue ON dossiers (holder_agency_id, status, appointment_at);
CREATE INDEX dossiers_applicant ON dossiers (applicant_id);

ALTER TABLE dossier_events
  ADD COLUMN prev_hash text,
  ADD COLUMN hash text;

CREATE TABLE command_outcomes (
  idempotency_key text PRIMARY KEY,
  request_hash text NOT NULL,
  dossier_id uuid,
  outcome jsonb,
  created_at timestamptz NOT NULL
);

CREATE TABLE dossier_code_counters (
  unit_code text NOT NULL,
  day date NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (unit_code, day)
);

CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic text NOT NULL,
  message_key text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

CREATE TABLE kpi_daily (
  province_code text NOT NULL,
  agency_id text NOT NULL,
  procedure_code text NOT NULL,
  day date NOT NULL,
  received integer NOT NULL DEFAULT 0,
  received_online integer NOT NULL DEFAULT 0,
  resolved integer NOT NULL DEFAULT 0,
  resolved_early integer NOT NULL DEFAULT 0,
  resolved_on_time integer NOT NULL DEFAULT 0,
  resolved_late integer NOT NULL DEFAULT 0,
  withdrawn integer NOT NULL DEFAULT 0,
  stopped integer NOT NULL DEFAULT 0,
  returned integer NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, agency_id, procedure_code, day)
);
