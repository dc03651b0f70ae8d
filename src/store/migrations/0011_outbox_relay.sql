-- Assured delivery (issue 9): each consumer's delivery of each outbox message. A message is
-- fanned out once (outbox.published_at); deliveries are claimed with a lease (next_attempt_at),
-- retried with backoff, and end delivered or dead (re-drivable by an administrator).
CREATE TABLE outbox_deliveries (
  consumer text NOT NULL,
  message_id bigint NOT NULL REFERENCES outbox (id),
  message_key text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  delivered_at timestamptz,
  PRIMARY KEY (consumer, message_id)
);
CREATE INDEX outbox_deliveries_due ON outbox_deliveries (next_attempt_at) WHERE state = 'pending';
-- Order per dossier: a delivery waits while an earlier one for the same consumer and key is not delivered.
CREATE INDEX outbox_deliveries_open_by_key ON outbox_deliveries (consumer, message_key, message_id)
  WHERE state <> 'delivered';

-- Webhooks of integration clients: CloudEvents JSON signed with HMAC-SHA256 (Standard Webhooks headers).
CREATE TABLE webhook_subscriptions (
  id uuid PRIMARY KEY,
  client_id uuid NOT NULL REFERENCES users (id),
  url text NOT NULL,
  secret text NOT NULL,
  topics text[] NOT NULL,
  created_at timestamptz NOT NULL,
  active boolean NOT NULL DEFAULT true
);
