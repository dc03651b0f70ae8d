-- Issue 15: a procedure's law may pause its time limit while a financial obligation is awaited
-- (per procedure, from its legal basis; off unless the catalogue says so).
ALTER TABLE procedure_versions ADD COLUMN payment_pauses_clock boolean NOT NULL DEFAULT false;
