-- Notifications to applicants (rules.md §8): e-mail and SMS per dossier event, the applicant's
-- channel choices, and the delivery status of each notice on each channel.

-- applicant_key: the same key as the document vault's owner (citizen:<identity number> or user:<id>).
CREATE TABLE notification_preferences (
  applicant_key text PRIMARY KEY,
  email boolean NOT NULL,
  sms boolean NOT NULL
);

-- One row per outbox message and channel: a redelivered message finds its row and sends nothing new.
CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  message_id bigint NOT NULL,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text,
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('sent', 'failed', 'skipped')),
  detail text,
  attempts integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (message_id, channel)
);
CREATE INDEX notifications_dossier ON notifications (dossier_id, created_at);
