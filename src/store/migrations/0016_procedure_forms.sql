-- E-forms (tờ khai điện tử): each procedure version carries its declaration form as data — a JSON
-- Schema 2020-12 document, its layout, named rules, code lists, attachment slots and result template
-- (src/domain/declarations/form-definition.ts). A dossier pins (procedure version, form version).
CREATE TABLE procedure_forms (
  procedure_code text NOT NULL,
  version integer NOT NULL,
  form_version integer NOT NULL CHECK (form_version >= 1),
  form jsonb NOT NULL,
  PRIMARY KEY (procedure_code, version, form_version),
  FOREIGN KEY (procedure_code, version) REFERENCES procedure_versions (procedure_code, version)
);
