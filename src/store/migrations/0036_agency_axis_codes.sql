-- Undoes what an earlier text of this migration created: agency_axis_codes duplicated the catalogue's
-- agency_codes (QCVN 102 codes with their validity, migration 0001), which the exchange now reads.
-- Kept as 0036 so a database that applied the earlier text and a new one end the same.
DROP TABLE IF EXISTS agency_axis_codes;
