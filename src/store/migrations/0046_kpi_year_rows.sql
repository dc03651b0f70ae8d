-- Year rows of the indicator counters: grain 'y', period the year's 1 January, the sum of the year's
-- half-month rows. A calendar-year window (the programme dashboard reads one per programme year) then
-- reads one row per unit instead of 24 half-months (src/domain/kpi/year-cover.ts). From here on
-- count-rows.ts and generate-history.ts add every contribution to its year row as to its half-month.
ALTER TABLE kpi_counts DROP CONSTRAINT kpi_counts_grain_check;
ALTER TABLE kpi_counts ADD CONSTRAINT kpi_counts_grain_check CHECK (grain IN ('a', 'y', 'h', 'd'));

INSERT INTO kpi_counts (depth, grain, period, agency_id, field_id, procedure_code,
  received, received_online, received_post, online_counted, fee_bearing, paid_online, result_document,
  e_result, digitized, reused, citizen, vneid, resolved, resolved_early, resolved_on_time, resolved_late,
  withdrawn, stopped, done, done_minutes, late_apology, rated, satisfied, unhappy, overdue_in, overdue_out,
  vault_linked, sync_due, portal_synced)
SELECT depth, 'y', make_date(extract(year FROM period)::int, 1, 1), agency_id, field_id, procedure_code,
  sum(received), sum(received_online), sum(received_post), sum(online_counted), sum(fee_bearing),
  sum(paid_online), sum(result_document), sum(e_result), sum(digitized), sum(reused), sum(citizen), sum(vneid),
  sum(resolved), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(withdrawn), sum(stopped),
  sum(done), sum(done_minutes), sum(late_apology), sum(rated), sum(satisfied), sum(unhappy), sum(overdue_in),
  sum(overdue_out), sum(vault_linked), sum(sync_due), sum(portal_synced)
FROM kpi_counts
WHERE grain = 'h'
GROUP BY depth, make_date(extract(year FROM period)::int, 1, 1), agency_id, field_id, procedure_code;
