-- The axis's agency directory is refreshed on a schedule (rules.md "Delivery trail and axis
-- directory"). An agency the axis no longer lists is kept — documents and packages name it — and
-- marked absent from the refresh that first missed it; listed again, the mark is cleared.
ALTER TABLE axis_directory ADD COLUMN absent_since timestamptz;

-- When the directory was last fetched whole: a server refreshes only once the period has passed
-- since then, whichever server it was (the lease 'document-axis-directory' keeps them one at a time).
CREATE TABLE axis_directory_refreshes (
  id integer PRIMARY KEY CHECK (id = 1),
  refreshed_at timestamptz NOT NULL,
  listed integer NOT NULL
);
