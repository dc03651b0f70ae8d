-- Statutory and local time limits (rules.md "Statutory and local time limits", issue 16 §2).
-- Per version: where the statutory limit comes from (the national record or the law), and whether the
-- cut of the local limit below it is only an illustration in demo data (no provincial decision).
ALTER TABLE procedure_versions ADD COLUMN statutory_source text;
ALTER TABLE procedure_versions ADD COLUMN reduction_illustrative boolean NOT NULL DEFAULT false;
