-- Reconciliation with the national portal (rules.md "Reconciliation with the national portal"): each
-- comparison of a window of submission days, its counts and its three lists. A daily run covers one
-- local day; at most one daily run a day is running or done across every server (a failed one stays,
-- and a later attempt is a new row).
CREATE TABLE portal_reconciliation_runs (
  id uuid PRIMARY KEY,
  trigger text NOT NULL CHECK (trigger IN ('daily', 'manual')),
  daily_day date,
  window_from date NOT NULL,
  window_to date NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done', 'failed')),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  requested_by text NOT NULL,
  portal_only integer,
  motcua_only integer,
  mismatched integer,
  in_step integer,
  items jsonb,
  error text,
  CHECK ((trigger = 'daily') = (daily_day IS NOT NULL)),
  CHECK ((state = 'done') = (items IS NOT NULL)),
  CHECK ((state = 'failed') = (error IS NOT NULL))
);
CREATE UNIQUE INDEX portal_reconciliation_one_daily ON portal_reconciliation_runs (daily_day) WHERE state <> 'failed';
CREATE INDEX portal_reconciliation_runs_latest ON portal_reconciliation_runs (started_at DESC);
