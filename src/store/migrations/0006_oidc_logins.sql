-- Sign-ins with VNeID (OpenID Connect) in progress: the state, nonce and PKCE verifier of each
-- redirect to the identity provider, used once by the callback and refused after ten minutes.
CREATE TABLE oidc_logins (
  state text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text,
  created_at timestamptz NOT NULL
);
CREATE INDEX oidc_logins_created ON oidc_logins (created_at);
