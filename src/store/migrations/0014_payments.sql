-- Online payment of a dossier's fees (rules.md §1 status 6, §8): one row per payment request sent to
-- a gateway, and every callback the gateway made, with the verdict motcua gave it.

-- txn_ref: the merchant reference sent to the gateway (vnp_TxnRef), unique per attempt.
-- receipt_no: the e-receipt's number (biên lai điện tử), issued when the payment is confirmed.
CREATE TABLE payments (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  gateway text NOT NULL,
  txn_ref text NOT NULL UNIQUE,
  amount_vnd bigint NOT NULL CHECK (amount_vnd > 0),
  currency text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'paid', 'failed', 'refunded')),
  gateway_txn text,
  created_at timestamptz NOT NULL,
  paid_at timestamptz,
  receipt_no text UNIQUE,
  raw_callback jsonb,
  refunded_at timestamptz,
  refund_response jsonb
);
CREATE INDEX payments_dossier ON payments (dossier_id, created_at);

CREATE SEQUENCE payment_receipt_numbers;

-- verdict: what motcua answered (confirmed, failed, invalid-signature, not-found, invalid-amount,
-- already-confirmed, malformed); payment_id is null when no payment matched.
CREATE TABLE payment_callbacks (
  id bigserial PRIMARY KEY,
  payment_id uuid REFERENCES payments (id),
  kind text NOT NULL CHECK (kind IN ('ipn', 'return')),
  txn_ref text,
  verdict text NOT NULL,
  fields jsonb NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX payment_callbacks_payment ON payment_callbacks (payment_id, received_at);
