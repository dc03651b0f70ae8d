-- Identity and access: users (citizens from VNeID, officers with passwords or the province's OIDC,
-- integration clients), role grants scoped to agencies, database-backed sessions, API tokens, files.
CREATE TABLE users (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('citizen', 'officer', 'integration')),
  username text UNIQUE,
  display_name text NOT NULL,
  identity_number text UNIQUE,
  phone text,
  email text,
  password_hash text,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);

CREATE TABLE role_grants (
  user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('counter_officer', 'specialist', 'leader', 'clerk', 'agency_admin',
    'provincial_admin', 'monitor', 'integration')),
  agency_id text NOT NULL REFERENCES agencies (id),
  PRIMARY KEY (user_id, role, agency_id)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  method text NOT NULL CHECK (method IN ('password', 'vneid', 'oidc', 'demo')),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL,
  scopes jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
