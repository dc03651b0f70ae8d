-- Issue 16 §1: a rejected intake is reported to the platform through the outbox (its refusal
-- message is written with the rejection); when the platform took the report, for the operator.
ALTER TABLE portal_intakes ADD COLUMN refusal_reported_at timestamptz;
