-- Văn bản điện tử (Decree 30/2020/NĐ-CP on clerical work): outgoing and incoming official documents
-- as append-only events with a projection for the registers, the register counters (one series per
-- agency, register and year, restarting on 1 January: Art. 15(1), 22(2)), the signed PDFs, and the
-- leaders' personal signing keys (the signer's signature beside the agency's seal signature, Art. 13(7), 17(2)).
CREATE TABLE document_register_counters (
  agency_id text NOT NULL REFERENCES agencies (id),
  register text NOT NULL CHECK (register IN ('outgoing', 'incoming')),
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (agency_id, register, year)
);

-- How an agency writes its notation (Appendix I, Part I, II.3.b: set by the head of the agency);
-- an agency without a row gets the default of src/domain/documents/notation.ts.
CREATE TABLE agency_document_settings (
  agency_id text PRIMARY KEY REFERENCES agencies (id),
  abbreviation text NOT NULL CHECK (abbreviation ~ '^[A-ZĐ0-9]+$'),
  place_name text NOT NULL
);

CREATE TABLE documents (
  id uuid PRIMARY KEY,
  direction text NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
  agency_id text NOT NULL REFERENCES agencies (id),
  status text NOT NULL,
  doc_type text NOT NULL,
  year integer,
  register_number integer,
  notation text,
  subject text NOT NULL,
  sender text,
  handler_user_id uuid REFERENCES users (id),
  due_on date,
  source_document_id uuid REFERENCES documents (id),
  registered_on date,
  created_at timestamptz NOT NULL,
  search_text text GENERATED ALWAYS AS (
    search_normalize(coalesce(notation, '') || ' ' || subject || ' ' || coalesce(sender, ''))) STORED,
  state jsonb NOT NULL,
  version integer NOT NULL,
  UNIQUE (agency_id, direction, year, register_number)
);
CREATE INDEX documents_register ON documents (agency_id, direction, year, register_number);
CREATE INDEX documents_inbox ON documents (agency_id, direction, status);
-- The foreign key from an incoming document to its sender's: without it each delete scans the table.
CREATE INDEX documents_source ON documents (source_document_id) WHERE source_document_id IS NOT NULL;
CREATE INDEX documents_search_trgm ON documents USING gin (search_text gin_trgm_ops);

CREATE TABLE document_events (
  document_id uuid NOT NULL REFERENCES documents (id),
  seq integer NOT NULL,
  event jsonb NOT NULL,
  PRIMARY KEY (document_id, seq)
);

-- The issued PDF (both signatures) of an outgoing document; an incoming one from motcua reads the sender's.
CREATE TABLE document_files (
  document_id uuid PRIMARY KEY REFERENCES documents (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL
);

-- A personal signing certificate per leader (demo CA, like signing_keys for agencies).
CREATE TABLE personal_signing_keys (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  certificate_pem text NOT NULL,
  private_key_pem text NOT NULL,
  created_at timestamptz NOT NULL
);
