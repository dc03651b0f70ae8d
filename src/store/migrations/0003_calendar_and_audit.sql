-- Yearly decisions on days off (one row per decided year; a year without a row follows the default
-- rule), and the audit log of administrative changes (who, when, before, after).
CREATE TABLE calendar_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 1970 AND 2100),
  decision jsonb NOT NULL,
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL
);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_subject ON audit_log (subject, at);
