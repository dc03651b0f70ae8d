-- National portal sync (rules.md §8): per dossier, the highest version the national portal has
-- acknowledged. 0 means nothing was acknowledged yet (the row then only carries the last error).
-- A dossier whose version is above its synced version is out of sync; the sync rate is an indicator.
CREATE TABLE portal_sync (
  dossier_id uuid PRIMARY KEY REFERENCES dossiers (id),
  synced_version integer NOT NULL,
  synced_at timestamptz NOT NULL,
  last_error text
);
