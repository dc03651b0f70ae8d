-- The deadline watcher (docs/rules.md, "Deadline watcher"): one server at a time runs it, and each
-- alert is raised once per dossier and key, however many servers or restarts.

-- A job's lease: the holder renews it every round; once it expires another server may take over.
CREATE TABLE job_leases (
  job text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- One row per alert: the key names the step or the deadline (step-warning:<step>, dossier-warning:<due>,
-- dossier-overdue-escalation, supplement-expired:<request>), so a second insert of it does nothing.
CREATE TABLE deadline_alerts (
  id bigserial PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  alert_key text NOT NULL,
  kind text NOT NULL,
  due_at timestamptz NOT NULL,
  deadline_at timestamptz NOT NULL,
  raised_at timestamptz NOT NULL,
  UNIQUE (dossier_id, alert_key)
);
CREATE INDEX deadline_alerts_raised ON deadline_alerts (raised_at);

-- Who is told: one officer (user_id), or every officer of a role at an agency (user_id null).
CREATE TABLE deadline_alert_recipients (
  alert_id bigint NOT NULL REFERENCES deadline_alerts (id),
  agency_id text NOT NULL,
  role text NOT NULL,
  user_id text
);
CREATE INDEX deadline_alert_recipients_agency ON deadline_alert_recipients (agency_id, role);
CREATE INDEX deadline_alert_recipients_alert ON deadline_alert_recipients (alert_id);
