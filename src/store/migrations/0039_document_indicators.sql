-- Document indicators (issue 17 §5, rules.md "Document indicators"): per agency and period, documents
-- sent and received, the share sent electronically, incoming documents handled on time, overdue.
-- Indexed aggregate queries over `documents` (no counters): two columns the projection already holds
-- in `state`, stored so the queries read no jsonb, and one partial index per figure.

-- How many recipients of an outgoing document are outside motcua (reached over the axis, or not at all).
ALTER TABLE documents ADD COLUMN external_recipients integer GENERATED ALWAYS AS (
  CASE WHEN direction = 'outgoing' THEN jsonb_array_length(coalesce(state -> 'external', '[]'::jsonb)) ELSE 0 END) STORED;
-- When an incoming document was done or answered, as the ISO 8601 UTC text of its event (sorts as time).
ALTER TABLE documents ADD COLUMN finished_at text GENERATED ALWAYS AS (
  CASE WHEN direction = 'incoming' THEN state ->> 'finishedAt' END) STORED;

CREATE INDEX documents_issued_on ON documents (registered_on, agency_id)
  WHERE direction = 'outgoing' AND status = 'issued';
CREATE INDEX documents_arrived_at ON documents (created_at, agency_id) WHERE direction = 'incoming';
CREATE INDEX documents_finished_at ON documents (finished_at, agency_id)
  WHERE direction = 'incoming' AND finished_at IS NOT NULL;
-- Still open with a deadline: the overdue ones at a period ending today (finished ones come by finished_at).
CREATE INDEX documents_open_due_on ON documents (due_on, agency_id)
  WHERE direction = 'incoming' AND finished_at IS NULL AND due_on IS NOT NULL;
-- Whether the exchange took an issued document's message (`document.issued`, key document:<id>).
CREATE INDEX outbox_deliveries_delivered_by_key ON outbox_deliveries (consumer, message_key)
  WHERE state = 'delivered';

-- The demo programme's e-document target is now computed live from these counts.
UPDATE reform_programme_targets
SET kind = 'computed', measure = 'e_document_share', responsible_agency_id = NULL,
  basis = 'Illustrative (no provincial decision recorded); computed by motcua: outgoing documents issued '
    || 'with both digital signatures and delivered to every recipient electronically ÷ documents issued '
    || '(Decree 30/2020/NĐ-CP Art. 3(4), 5(1); rules.md "Document indicators")'
WHERE id = '0b9f0c1e-33a0-4e0a-9d01-000000000011' AND key = 'e_documents_share';
