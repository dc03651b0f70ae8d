-- Calendar changes (docs/rules.md "Calendar changes"): a year decision or a holiday rule that turned
-- days ahead from working to off or back is recorded in the transaction that made it; the deadline
-- watcher then moves the deadlines of the dossiers open at that moment, in the order the changes came.
CREATE TABLE calendar_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- [{date, workingBefore}]: each day the change flipped and what it was before.
  changed_days jsonb NOT NULL,
  reason text NOT NULL,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL,
  applied_at timestamptz,
  rescheduled integer NOT NULL DEFAULT 0
);
CREATE INDEX calendar_changes_pending ON calendar_changes (id) WHERE applied_at IS NULL;
