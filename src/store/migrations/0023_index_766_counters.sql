-- Decision 766 in the national formula (issue 15 §6). Indicator 4.4 counts received dossiers with a
-- component taken from the applicant's vault or an e-result kept there (`vault_linked`); 1.4 counts
-- motcua's own dossiers (`sync_due`) and those the national portal acknowledged (`portal_synced`, a
-- fact kept from portal_sync). New counters, dated by reception like the others, filled from the
-- stored facts (day and half-month in Vietnam time, UTC+7).
ALTER TABLE kpi_dossiers ADD COLUMN portal_synced boolean NOT NULL DEFAULT false;
ALTER TABLE kpi_counts ADD COLUMN vault_linked integer NOT NULL DEFAULT 0;
ALTER TABLE kpi_counts ADD COLUMN sync_due integer NOT NULL DEFAULT 0;
ALTER TABLE kpi_counts ADD COLUMN portal_synced integer NOT NULL DEFAULT 0;

UPDATE kpi_dossiers k SET portal_synced = true
FROM portal_sync p
WHERE p.dossier_id::text = k.dossier_id AND p.synced_version > 0 AND k.origin = 'motcua';

WITH flags AS (
  SELECT agency_id, field_id, procedure_code,
         ((received_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS day,
         (reused OR e_result)::int AS vault_linked,
         (origin = 'motcua')::int AS sync_due,
         (origin = 'motcua' AND portal_synced)::int AS portal_synced
  FROM kpi_dossiers
  WHERE reused OR e_result OR origin = 'motcua'
), grains AS (
  SELECT agency_id, field_id, procedure_code, 'd' AS grain, day AS period, vault_linked, sync_due, portal_synced
  FROM flags
  UNION ALL
  SELECT agency_id, field_id, procedure_code, 'h',
         CASE WHEN extract(day FROM day) < 15 THEN date_trunc('month', day)::date
              ELSE (date_trunc('month', day) + interval '14 days')::date END,
         vault_linked, sync_due, portal_synced
  FROM flags
  UNION ALL
  SELECT agency_id, field_id, procedure_code, 'a', DATE '0001-01-01', vault_linked, sync_due, portal_synced
  FROM flags
), sums AS (
  SELECT 1 AS depth, grain, period, agency_id, field_id, procedure_code,
         sum(vault_linked) AS vault_linked, sum(sync_due) AS sync_due, sum(portal_synced) AS portal_synced
  FROM grains GROUP BY grain, period, agency_id, field_id, procedure_code
  UNION ALL
  SELECT 0, grain, period, agency_id, field_id, '',
         sum(vault_linked), sum(sync_due), sum(portal_synced)
  FROM grains GROUP BY grain, period, agency_id, field_id
)
UPDATE kpi_counts k
SET vault_linked = s.vault_linked, sync_due = s.sync_due, portal_synced = s.portal_synced
FROM sums s
WHERE k.depth = s.depth AND k.grain = s.grain AND k.period = s.period
  AND k.agency_id = s.agency_id AND k.field_id = s.field_id AND k.procedure_code = s.procedure_code;
