-- Single sign-on (OpenID Connect) per municipality: its settings and the sign-ins in flight belong to
-- that municipality, so row-level security guards them like the other tenant tables (migration 0003).
ALTER TABLE municipality_sso ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON municipality_sso
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE sso_login_states ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON sso_login_states
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint

-- Before anyone is signed in: the settings of exactly one municipality (to send the browser to its
-- identity provider), and nothing else of the table.
CREATE FUNCTION auth_find_sso_config(p_municipality_code varchar) RETURNS TABLE (
  issuer text, client_id text, client_secret text, enabled boolean, updated_at timestamptz
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT issuer, client_id, client_secret, enabled, updated_at FROM municipality_sso
  WHERE municipality_code = p_municipality_code
$$;
--> statement-breakpoint

-- The identity provider's answer names only the state: its row is found by the state's hash and
-- removed in the same statement, so a state works once, however many requests race for it.
CREATE FUNCTION auth_claim_sso_login_state(p_state_hash char(64)) RETURNS TABLE (
  municipality_code varchar, code_verifier text, nonce text, expires_at timestamptz
) LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM sso_login_states WHERE state_hash = p_state_hash
  RETURNING municipality_code, code_verifier, nonce, expires_at
$$;
--> statement-breakpoint

-- Only the app role, through ensureAppRole (src/db/app-role.ts).
REVOKE ALL ON FUNCTION auth_find_sso_config(varchar) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_claim_sso_login_state(char) FROM PUBLIC;
