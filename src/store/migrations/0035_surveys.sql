-- Khảo sát sự hài lòng (SIPAS, rules.md "Satisfaction survey (SIPAS)"): a survey period with its
-- recorded seed and drawn sample, one row per sampled dossier with the hash of its link's token and,
-- once given (online or typed from paper), its one answer sheet.
CREATE TABLE survey_periods (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  from_day date NOT NULL,
  to_day date NOT NULL CHECK (to_day >= from_day),
  margin_basis_points integer NOT NULL CHECK (margin_basis_points BETWEEN 1 AND 10000),
  seed text NOT NULL,
  population integer NOT NULL CHECK (population >= 0),
  sample_size integer NOT NULL CHECK (sample_size >= 0),
  strata jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);

CREATE TABLE survey_respondents (
  period_id uuid NOT NULL REFERENCES survey_periods (id),
  dossier_code text NOT NULL,
  agency_id text NOT NULL,
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  answered_at timestamptz,
  channel text CHECK (channel IN ('online', 'paper')),
  answers jsonb,
  suggestion text,
  entered_by text,
  PRIMARY KEY (period_id, dossier_code),
  CHECK ((answered_at IS NULL) = (answers IS NULL) AND (answered_at IS NULL) = (channel IS NULL))
);
CREATE INDEX survey_respondents_agency ON survey_respondents (period_id, agency_id);
