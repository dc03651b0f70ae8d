-- Phản ánh, kiến nghị (Decree 20/2008/NĐ-CP as amended by Decree 92/2017/NĐ-CP): each petition's
-- append-only events, its projection for the queues and the public list, and the day's code counter
-- (PAKN.yyyymmdd.nnnn, gap-free: the number is taken in the reception's transaction).
CREATE TABLE petition_code_counters (
  day date PRIMARY KEY,
  last integer NOT NULL
);

CREATE TABLE petitions (
  code text PRIMARY KEY,
  external_id text UNIQUE,
  status text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('national-portal', 'portal', 'counter')),
  receiving_agency_id text NOT NULL REFERENCES agencies (id),
  agency_id text NOT NULL REFERENCES agencies (id),
  category text CHECK (category IN ('conduct', 'regulation')),
  owner_user_id uuid REFERENCES users (id),
  received_at timestamptz NOT NULL,
  due_at timestamptz,
  answered_at timestamptz,
  finished_at timestamptz,
  published_at timestamptz,
  dossier_code text,
  search_text text NOT NULL,
  state jsonb NOT NULL,
  version integer NOT NULL
);
CREATE INDEX petitions_queue ON petitions (agency_id, status, due_at);
CREATE INDEX petitions_published ON petitions (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX petitions_received ON petitions (received_at);
CREATE INDEX petitions_finished ON petitions (finished_at);

CREATE TABLE petition_events (
  code text NOT NULL REFERENCES petitions (code),
  seq integer NOT NULL,
  event jsonb NOT NULL,
  PRIMARY KEY (code, seq)
);
