-- Indicators (issue 8): additive counters per agency × field (× procedure) × day and half-month,
-- and one row of facts per received dossier (motcua's own, imported history, or generated demo history).
DROP TABLE kpi_daily;

CREATE TABLE kpi_counts (
  -- 0: agency × field totals (province-wide figures); 1: agency × field × procedure (drill-down)
  depth smallint NOT NULL CHECK (depth IN (0, 1)),
  -- 'a': all time (period 0001-01-01); 'h': half-month starting on the 1st or 15th; 'd': day
  grain char(1) NOT NULL CHECK (grain IN ('a', 'h', 'd')),
  period date NOT NULL,
  agency_id text NOT NULL,
  field_id text NOT NULL,
  procedure_code text NOT NULL,
  received integer NOT NULL DEFAULT 0,
  received_online integer NOT NULL DEFAULT 0,
  received_post integer NOT NULL DEFAULT 0,
  online_counted integer NOT NULL DEFAULT 0,
  fee_bearing integer NOT NULL DEFAULT 0,
  paid_online integer NOT NULL DEFAULT 0,
  result_document integer NOT NULL DEFAULT 0,
  e_result integer NOT NULL DEFAULT 0,
  digitized integer NOT NULL DEFAULT 0,
  reused integer NOT NULL DEFAULT 0,
  citizen integer NOT NULL DEFAULT 0,
  vneid integer NOT NULL DEFAULT 0,
  resolved integer NOT NULL DEFAULT 0,
  resolved_early integer NOT NULL DEFAULT 0,
  resolved_on_time integer NOT NULL DEFAULT 0,
  resolved_late integer NOT NULL DEFAULT 0,
  withdrawn integer NOT NULL DEFAULT 0,
  stopped integer NOT NULL DEFAULT 0,
  done integer NOT NULL DEFAULT 0,
  done_minutes bigint NOT NULL DEFAULT 0,
  late_apology integer NOT NULL DEFAULT 0,
  rated integer NOT NULL DEFAULT 0,
  satisfied integer NOT NULL DEFAULT 0,
  unhappy integer NOT NULL DEFAULT 0,
  overdue_in integer NOT NULL DEFAULT 0,
  overdue_out integer NOT NULL DEFAULT 0,
  PRIMARY KEY (depth, grain, period, agency_id, field_id, procedure_code)
);
CREATE INDEX kpi_counts_agency ON kpi_counts (agency_id, depth, grain, period);

CREATE TABLE kpi_dossiers (
  dossier_id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  origin text NOT NULL CHECK (origin IN ('motcua', 'import', 'seed')),
  status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
  agency_id text NOT NULL,
  field_id text NOT NULL,
  procedure_code text NOT NULL,
  channel smallint NOT NULL CHECK (channel IN (1, 2, 3)),
  received_at timestamptz NOT NULL,
  deadline_at timestamptz,
  supplement_requests smallint NOT NULL,
  second_supplement_at timestamptz,
  pending_supplement_since timestamptz,
  end_kind text CHECK (end_kind IN ('done', 'stopped', 'withdrawn')),
  ended_at timestamptz,
  working_minutes integer,
  fee_vnd bigint NOT NULL,
  paid_online boolean NOT NULL,
  result_is_document boolean NOT NULL,
  e_result boolean NOT NULL,
  digitized boolean NOT NULL,
  reused boolean NOT NULL,
  citizen boolean NOT NULL,
  vneid boolean NOT NULL,
  rating text CHECK (rating IN ('very_satisfied', 'satisfied', 'not_satisfied')),
  complaint boolean NOT NULL,
  apology boolean NOT NULL,
  steps jsonb NOT NULL,
  CHECK ((end_kind IS NULL) = (ended_at IS NULL))
);
CREATE INDEX kpi_dossiers_procedure_end ON kpi_dossiers (procedure_code, ended_at);
CREATE INDEX kpi_dossiers_agency ON kpi_dossiers (agency_id, field_id, procedure_code, received_at);

-- Chỉ tiêu của chương trình cải cách: targets per measure, effective-dated.
CREATE TABLE reform_targets (
  measure text NOT NULL,
  effective_from date NOT NULL,
  comparator text NOT NULL CHECK (comparator IN ('below', 'at_least')),
  value numeric NOT NULL CHECK (value >= 0 AND value <= 1),
  source text NOT NULL,
  PRIMARY KEY (measure, effective_from)
);
INSERT INTO reform_targets (measure, effective_from, comparator, value, source) VALUES
  ('late_rate', '2021-01-01', 'below', 0.10, 'motcua default from the programme brief (under 10%); not a published decision'),
  ('satisfaction', '2021-01-01', 'at_least', 0.80, 'motcua default from the programme brief (over 80%); not a published decision'),
  ('online_share', '2021-01-01', 'at_least', 0.50, 'motcua default (online share over 50%, Decision 766 threshold of 3.3)'),
  ('full_process_share', '2021-01-01', 'at_least', 0.80, 'motcua default (Decision 766 threshold of 3.1); not a published decision'),
  ('online_payment', '2021-01-01', 'at_least', 0.30, 'motcua default; not a published decision'),
  ('e_result_share', '2021-01-01', 'at_least', 0.80, 'motcua default; not a published decision'),
  ('apology_rate', '2021-01-01', 'at_least', 1.00, 'Decree 118/2025: every late dossier gets an apology');

-- The limit in the law when the province has cut the configured one (time-reduction analysis).
ALTER TABLE procedure_versions ADD COLUMN statutory_time_limit jsonb;
