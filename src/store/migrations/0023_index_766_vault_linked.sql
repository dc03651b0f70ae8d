-- Decision 766 in the national formula (issue 15 §6): indicator 4.4 counts received dossiers with a
-- component taken from the applicant's vault or an e-result kept there. A new counter, dated by
-- reception like the others, filled from the stored facts (day and half-month in Vietnam time, UTC+7).
ALTER TABLE kpi_counts ADD COLUMN vault_linked integer NOT NULL DEFAULT 0;

WITH linked AS (
  SELECT agency_id, field_id, procedure_code,
         ((received_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS day
  FROM kpi_dossiers
  WHERE reused OR e_result
), grains AS (
  SELECT agency_id, field_id, procedure_code, 'd' AS grain, day AS period FROM linked
  UNION ALL
  SELECT agency_id, field_id, procedure_code, 'h',
         CASE WHEN extract(day FROM day) < 15 THEN date_trunc('month', day)::date
              ELSE (date_trunc('month', day) + interval '14 days')::date END
  FROM linked
  UNION ALL
  SELECT agency_id, field_id, procedure_code, 'a', DATE '0001-01-01' FROM linked
), sums AS (
  SELECT 1 AS depth, grain, period, agency_id, field_id, procedure_code, count(*) AS n
  FROM grains GROUP BY grain, period, agency_id, field_id, procedure_code
  UNION ALL
  SELECT 0, grain, period, agency_id, field_id, '', count(*)
  FROM grains GROUP BY grain, period, agency_id, field_id
)
UPDATE kpi_counts k SET vault_linked = s.n
FROM sums s
WHERE k.depth = s.depth AND k.grain = s.grain AND k.period = s.period
  AND k.agency_id = s.agency_id AND k.field_id = s.field_id AND k.procedure_code = s.procedure_code;
