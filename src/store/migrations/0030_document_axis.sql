-- Document exchange over the national axis (rules.md "Document exchange (edXML, national axis)"): every
-- edXML package and status package motcua sends or receives, as sent or received. Outgoing ones are
-- queued with an outbox message in one transaction and move queued → sent (the axis's id kept);
-- incoming ones are keyed by the axis's id, so a message delivered twice is stored once, and are
-- received (then handed over to the documents module), rejected with their problems, or revoked.
CREATE TABLE axis_messages (
  id uuid PRIMARY KEY,
  direction text NOT NULL CHECK (direction IN ('out', 'in')),
  kind text NOT NULL CHECK (kind IN ('edoc', 'status')),
  axis_id text,
  document_id text,
  business text CHECK (business IN ('new', 'revocation', 'update', 'replacement')),
  from_code text NOT NULL,
  to_codes text[] NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'sent', 'received', 'rejected', 'revoked')),
  xml text NOT NULL,
  problems jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  handed_over_at timestamptz,
  CHECK (direction = 'out' OR axis_id IS NOT NULL),
  CHECK ((state IN ('queued', 'sent')) = (direction = 'out')),
  CHECK ((state = 'rejected') = (problems IS NOT NULL))
);
CREATE UNIQUE INDEX axis_messages_incoming ON axis_messages (axis_id) WHERE direction = 'in';
CREATE INDEX axis_messages_document ON axis_messages (document_id, direction);
CREATE INDEX axis_messages_to_hand_over ON axis_messages (created_at)
  WHERE direction = 'in' AND kind = 'edoc' AND state <> 'rejected' AND handed_over_at IS NULL;

-- The status of each exchanged document as reported (01 arrived … 06 done, 13, 15, 16): sent by us
-- about a document we received, or received from the recipient about one we sent. `via` is the
-- status package that carried it.
CREATE TABLE axis_status_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id uuid NOT NULL REFERENCES axis_messages (id),
  direction text NOT NULL CHECK (direction IN ('sent', 'received')),
  status_code text NOT NULL,
  description text NOT NULL,
  reported_by text NOT NULL,
  at timestamptz NOT NULL,
  via uuid NOT NULL UNIQUE REFERENCES axis_messages (id)
);
CREATE INDEX axis_status_history_message ON axis_status_history (message_id, at);

-- One instance at a time pulls incoming messages from the axis.
CREATE TABLE axis_pull_lease (
  id integer PRIMARY KEY CHECK (id = 1),
  leased_by text,
  lease_until timestamptz
);
INSERT INTO axis_pull_lease (id) VALUES (1);

-- The axis's directory of connected agencies (QCVN 102 codes), as last fetched.
CREATE TABLE axis_directory (
  code text PRIMARY KEY,
  name text NOT NULL,
  parent_code text,
  refreshed_at timestamptz NOT NULL
);
