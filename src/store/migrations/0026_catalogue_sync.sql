-- Catalogue sync from the National Database on Administrative Procedures (issue 16 §2).
-- Per version: the publication data from the national database (decision, dates, Art. 8(2) texts),
-- the provincial decision that reduced the limit (local), and the local settings a sync defaulted.
ALTER TABLE procedure_versions ADD COLUMN publication jsonb;
ALTER TABLE procedure_versions ADD COLUMN reduced_by jsonb;
ALTER TABLE procedure_versions ADD COLUMN local_review jsonb NOT NULL DEFAULT '[]';

-- The catalogue's revision: every approved change set moves it on, so a change set computed
-- against an older revision is stale and refused.
CREATE TABLE catalogue_revision (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  revision integer NOT NULL
);
INSERT INTO catalogue_revision (id, revision) VALUES (true, 0);

CREATE TABLE catalogue_change_sets (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  base_revision integer NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  source_url text NOT NULL,
  fetched integer NOT NULL,
  -- Records the sync could not read or place, each with why: reported, never imported.
  bad_records jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  decided_at timestamptz,
  decided_by text,
  effective_from date,
  CHECK ((status = 'pending') = (decided_at IS NULL))
);

CREATE TABLE catalogue_change_items (
  change_set_id integer NOT NULL REFERENCES catalogue_change_sets (id),
  seq integer NOT NULL,
  procedure_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('new', 'changed', 'repealed')),
  base_version integer,
  -- Per field, before and after (changed only).
  changes jsonb NOT NULL,
  -- The national record as read (SyncedProcedure).
  procedure jsonb NOT NULL,
  PRIMARY KEY (change_set_id, seq),
  CHECK ((kind = 'new') = (base_version IS NULL))
);
