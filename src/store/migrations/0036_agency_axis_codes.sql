-- Each motcua agency's code on the national document axis (QCVN 102:2016 mã định danh, rules.md
-- "Documents on dossiers, and their indicators"): the issuing agency of a package sent to an outside
-- agency, and the recipient of one that arrives. An agency without a code exchanges nothing over the axis.
CREATE TABLE agency_axis_codes (
  agency_id text PRIMARY KEY REFERENCES agencies (id),
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$')
);
