-- The sign-in page offers "sign in with your municipality's account" before anyone is signed in, so
-- it needs to know which municipalities have single sign-on switched on. municipality_sso is behind
-- row-level security (0004); this shows exactly that list, code and name, and nothing else of the
-- table (no issuer, client id or secret).
CREATE FUNCTION auth_list_sso_municipalities() RETURNS TABLE (code varchar, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT m.code, m.name FROM municipality_sso s JOIN municipalities m ON m.code = s.municipality_code
  WHERE s.enabled
  ORDER BY m.name, m.code
$$;
--> statement-breakpoint

-- Only the app role, through ensureAppRole (src/db/app-role.ts).
REVOKE ALL ON FUNCTION auth_list_sso_municipalities() FROM PUBLIC;
