-- Catalogue: agencies (dated names and QCVN 102 codes, successor links), fields, procedures and
-- their versions with internal workflow steps. Runs unchanged on PostgreSQL 15+ and PGlite.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Diacritics- and case-insensitive form of Vietnamese text ("Cấp giấy phép" -> "cap giay phep",
-- "Đ" -> "d"). Immutable wrapper so it can feed generated columns and indexes.
CREATE FUNCTION search_normalize(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;

CREATE TABLE provinces (
  code text PRIMARY KEY,
  name text NOT NULL,
  root_agency_id text NOT NULL
);

CREATE TABLE agencies (
  id text PRIMARY KEY,
  province_code text NOT NULL REFERENCES provinces (code),
  kind text NOT NULL CHECK (kind IN ('provincial_committee', 'department', 'provincial_service_center',
    'commune_committee', 'commune_service_center', 'central_branch', 'former_unit')),
  parent_id text REFERENCES agencies (id) DEFERRABLE INITIALLY DEFERRED,
  statistical_code text,
  office_hours jsonb NOT NULL,
  source jsonb NOT NULL
);
CREATE INDEX agencies_parent ON agencies (parent_id);

CREATE TABLE agency_names (
  agency_id text NOT NULL REFERENCES agencies (id),
  name text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  PRIMARY KEY (agency_id, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE agency_codes (
  code text NOT NULL,
  agency_id text NOT NULL REFERENCES agencies (id),
  valid_from date NOT NULL,
  valid_to date,
  confirmed boolean NOT NULL,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX agency_codes_agency ON agency_codes (agency_id);

CREATE TABLE agency_successions (
  predecessor_id text NOT NULL REFERENCES agencies (id),
  successor_id text NOT NULL REFERENCES agencies (id),
  effective_on date NOT NULL,
  partial boolean NOT NULL,
  PRIMARY KEY (predecessor_id, successor_id)
);

CREATE TABLE fields (
  id text PRIMARY KEY,
  name text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE procedures (
  code text PRIMARY KEY,
  province_code text NOT NULL REFERENCES provinces (code),
  national_code text
);

CREATE TABLE procedure_versions (
  procedure_code text NOT NULL REFERENCES procedures (code),
  version integer NOT NULL,
  effective_from date NOT NULL,
  effective_to date,
  name text NOT NULL,
  field_id text NOT NULL REFERENCES fields (id),
  level text NOT NULL CHECK (level IN ('province', 'commune', 'central')),
  competent_agency_kind text NOT NULL,
  competent_agency_id text REFERENCES agencies (id),
  legal_basis jsonb NOT NULL,
  time_limit jsonb NOT NULL,
  online_time_limit jsonb,
  cutoff_time text,
  online_level text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
  full_online_eligible boolean NOT NULL,
  fees jsonb NOT NULL,
  required_documents jsonb NOT NULL,
  result_kind text NOT NULL,
  result_name text NOT NULL,
  supplement_limit_days integer,
  any_location boolean NOT NULL,
  inter_agency boolean NOT NULL,
  source jsonb NOT NULL,
  search_text text GENERATED ALWAYS AS (search_normalize(procedure_code || ' ' || name)) STORED,
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_normalize(name))) STORED,
  PRIMARY KEY (procedure_code, version),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX procedure_versions_search_vector ON procedure_versions USING gin (search_vector);
CREATE INDEX procedure_versions_search_trgm ON procedure_versions USING gin (search_text gin_trgm_ops);
CREATE INDEX procedure_versions_field ON procedure_versions (field_id);

CREATE TABLE procedure_steps (
  procedure_code text NOT NULL,
  version integer NOT NULL,
  seq integer NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('counter_officer', 'specialist', 'leader', 'clerk')),
  agency_kind text NOT NULL,
  agency_id text REFERENCES agencies (id),
  budget_hours numeric NOT NULL CHECK (budget_hours >= 0),
  PRIMARY KEY (procedure_code, version, seq),
  FOREIGN KEY (procedure_code, version) REFERENCES procedure_versions (procedure_code, version)
);
