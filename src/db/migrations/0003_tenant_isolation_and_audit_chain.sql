-- Tenant isolation: the app connects as a role that owns nothing, so row-level security applies to
-- it. Each transaction says whose data it may see:
--   opendeur.municipality = 'GM0363'  → that municipality's rows
--   opendeur.national = 'on'          → every municipality (national coordinators)
-- With neither set, a tenant table shows no rows at all. (The settings are not a secret: RLS stops a
-- forgotten WHERE or a wrong municipality in the app, not an attacker who runs SQL as the app.)
-- Kept as a plain SQL function (not SECURITY DEFINER, no SET clause) so the planner inlines it and
-- `municipality_code = 'GM0363'` can use the indexes.
CREATE FUNCTION opendeur_tenant_visible(row_municipality varchar) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(current_setting('opendeur.national', true), '') = 'on'
      OR (row_municipality IS NOT NULL
          AND row_municipality = nullif(current_setting('opendeur.municipality', true), ''))
$$;
--> statement-breakpoint
ALTER TABLE staff_users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON staff_users
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE staff_roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON staff_roles
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE staff_recovery_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON staff_recovery_codes
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE staff_passkeys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON staff_passkeys
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE staff_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON staff_sessions
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE staff_invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON staff_invitations
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log FOR SELECT USING (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint

-- A municipality's contact routes are public (the child's page shows them without any scope), but
-- only that municipality (or a national coordinator) may change them.
ALTER TABLE municipality_contact_routes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY public_read ON municipality_contact_routes FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY tenant_insert ON municipality_contact_routes FOR INSERT
  WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
CREATE POLICY tenant_update ON municipality_contact_routes FOR UPDATE
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
CREATE POLICY tenant_delete ON municipality_contact_routes FOR DELETE USING (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint

-- A user's rows carry the user's municipality (copied, so RLS needs no join). Foreign-key checks
-- bypass RLS, so without these a GM0363 transaction could attach a role, session, passkey or
-- recovery code for a GM0599 user by labelling the row GM0363. MATCH SIMPLE: national users (NULL)
-- are not checked, and only a national scope can write NULL-municipality rows.
-- (Hand-written: drizzle's snapshot does not know them, so drizzle-kit generate neither adds nor drops them.)
ALTER TABLE staff_users ADD CONSTRAINT staff_users_id_municipality UNIQUE (id, municipality_code);
--> statement-breakpoint
ALTER TABLE staff_roles ADD CONSTRAINT staff_roles_user_municipality FOREIGN KEY (user_id, municipality_code)
  REFERENCES staff_users (id, municipality_code) ON UPDATE CASCADE ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE staff_recovery_codes ADD CONSTRAINT staff_recovery_codes_user_municipality
  FOREIGN KEY (user_id, municipality_code) REFERENCES staff_users (id, municipality_code) ON UPDATE CASCADE ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE staff_passkeys ADD CONSTRAINT staff_passkeys_user_municipality FOREIGN KEY (user_id, municipality_code)
  REFERENCES staff_users (id, municipality_code) ON UPDATE CASCADE ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE staff_sessions ADD CONSTRAINT staff_sessions_user_municipality FOREIGN KEY (user_id, municipality_code)
  REFERENCES staff_users (id, municipality_code) ON UPDATE CASCADE ON DELETE CASCADE;
--> statement-breakpoint

-- The audit log is append-only for everyone, owner included; only audit_append writes it.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint

-- The chain's head: the newest entry's id and hash, so that removing the newest rows is detected too.
-- Its one row exists from the start (a missing head is itself a sign of tampering) and is the lock
-- that orders appenders. Nobody reads it but the SECURITY DEFINER functions (RLS on, no policy).
CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id bigint NOT NULL,
  last_hash char(64) NOT NULL
);
--> statement-breakpoint
INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (true, 0, repeat('0', 64));
--> statement-breakpoint
ALTER TABLE audit_head ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TRIGGER audit_head_fixed BEFORE INSERT OR DELETE OR TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE FUNCTION audit_head_advance_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.last_id <= OLD.last_id
     OR NOT EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.last_id AND hash = NEW.last_hash)
     OR EXISTS (SELECT 1 FROM audit_log WHERE id > NEW.last_id) THEN
    RAISE EXCEPTION 'audit_head only moves forward, to the newest audit entry' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_head_advance_only BEFORE UPDATE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_advance_only();
--> statement-breakpoint

-- The canonical text a row's hash covers: every column but the hash, as a JSON array. jsonb's text
-- form is canonical (key order, spacing, number scale) and the same on PostgreSQL 15 and 18; JSON
-- keeps fields apart and NULL distinct from '' (a separator-joined text does neither). The time is
-- formatted explicitly in UTC, so neither TimeZone nor DateStyle changes it.
CREATE FUNCTION audit_row_text(
  id bigint, occurred_at timestamptz, actor_user_id uuid, actor_role text, municipality_code varchar,
  action text, object_type text, object_id text, details jsonb, previous_hash char(64)
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_array(id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    actor_user_id::text, actor_role, municipality_code::text, action, object_type, object_id, details,
    previous_hash::text)::text
$$;
--> statement-breakpoint

-- Appends one entry to the chain in the caller's transaction: the entry commits or rolls back with
-- the action it records. Runs as the owner (SECURITY DEFINER). Appenders queue on the head row's lock
-- until the holder's transaction ends, then (READ COMMITTED) read the head it committed; under
-- REPEATABLE READ or SERIALIZABLE a concurrent append fails with a serialization error (40001) rather
-- than fork the chain. The lock is held to commit, so append last in a transaction.
-- In a municipality's scope, entries can only be for that municipality (as WITH CHECK elsewhere);
-- without a scope (sign-in before the account is known) any municipality may be recorded.
CREATE FUNCTION audit_append(
  p_actor_user_id uuid, p_actor_role text, p_municipality_code varchar, p_action text,
  p_object_type text, p_object_id text, p_details jsonb
) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_previous char(64);
  v_id bigint;
  v_at timestamptz;
  v_details jsonb := coalesce(p_details, '{}'::jsonb);
  v_hash char(64);
BEGIN
  IF coalesce(current_setting('opendeur.municipality', true), '') <> ''
     AND NOT opendeur_tenant_visible(p_municipality_code) THEN
    RAISE EXCEPTION 'an audit entry for % is outside this transaction''s municipality',
      coalesce(p_municipality_code, 'no municipality') USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT last_hash INTO v_previous FROM audit_head WHERE singleton FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the audit chain has no head row: it was removed' USING ERRCODE = 'data_corrupted';
  END IF;
  -- Taken under the lock, so ids and times follow the chain's order.
  v_id := nextval(pg_get_serial_sequence('public.audit_log', 'id'));
  v_at := clock_timestamp();
  v_hash := encode(sha256(convert_to(audit_row_text(v_id, v_at, p_actor_user_id, p_actor_role,
    p_municipality_code, p_action, p_object_type, p_object_id, v_details, v_previous), 'UTF8')), 'hex');
  INSERT INTO audit_log (id, occurred_at, actor_user_id, actor_role, municipality_code, action, object_type,
    object_id, details, previous_hash, hash)
  VALUES (v_id, v_at, p_actor_user_id, p_actor_role, p_municipality_code, p_action, p_object_type, p_object_id,
    v_details, v_previous, v_hash);
  UPDATE audit_head SET last_id = v_id, last_hash = v_hash WHERE singleton;
  RETURN v_id;
END;
$$;
--> statement-breakpoint

-- Checks the whole chain in one snapshot. Returns the first broken row (or the head) with the reason;
-- no rows: intact. A changed row is reported by its id, a removed one by the id of the row after it,
-- removed newest rows by the head's id, rows added behind audit_append's back by the first of them.
CREATE FUNCTION audit_verify() RETURNS TABLE (broken_id bigint, reason text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH ordered AS (
    SELECT id, hash, previous_hash,
      lag(hash, 1, repeat('0', 64)::char(64)) OVER (ORDER BY id) AS expected_previous,
      encode(sha256(convert_to(audit_row_text(id, occurred_at, actor_user_id, actor_role, municipality_code,
        action, object_type, object_id, details, previous_hash), 'UTF8')), 'hex') AS recomputed
    FROM audit_log
  ), head AS (
    SELECT h.singleton, h.last_id, h.last_hash::text AS last_hash,
      coalesce(n.id, 0) AS newest_id, coalesce(n.hash::text, repeat('0', 64)) AS newest_hash
    FROM (VALUES (true)) AS one (present)
    LEFT JOIN audit_head h ON true
    LEFT JOIN (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) n ON true
  ), problems AS (
    SELECT id, 1 AS rank, 'previous hash does not match: a row before it was removed or changed' AS reason
      FROM ordered WHERE previous_hash <> expected_previous
    UNION ALL
    SELECT id, 2, 'content does not match its hash: the row was changed' FROM ordered WHERE hash <> recomputed
    UNION ALL
    SELECT
      CASE WHEN singleton IS NULL THEN newest_id
           WHEN last_id < newest_id THEN (SELECT min(id) FROM audit_log WHERE id > head.last_id)
           ELSE last_id END,
      3,
      CASE WHEN singleton IS NULL THEN 'the chain head is missing'
           WHEN last_id > newest_id THEN 'the newest entries were removed'
           WHEN last_id < newest_id THEN 'entries were added after the head, not through audit_append'
           ELSE 'the head does not match the newest entry' END
    FROM head
    WHERE singleton IS NULL OR last_id <> newest_id OR last_hash <> newest_hash
  )
  SELECT id, reason FROM problems ORDER BY id, rank LIMIT 1
$$;
--> statement-breakpoint

-- Sign-in must find an account before it knows the municipality. These functions see across
-- tenants, but only the fields sign-in needs, for exactly one account, session, invitation or passkey.
CREATE FUNCTION auth_find_user_by_email(p_email text) RETURNS TABLE (
  id uuid, municipality_code varchar, password_hash text, active boolean
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, municipality_code, password_hash, active FROM staff_users WHERE lower(email) = lower(p_email)
$$;
--> statement-breakpoint
CREATE FUNCTION auth_find_session(p_token_hash char(64)) RETURNS TABLE (
  user_id uuid, municipality_code varchar, stage varchar, csrf_token char(43), created_at timestamptz,
  last_seen_at timestamptz, expires_at timestamptz, revoked_at timestamptz
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT user_id, municipality_code, stage, csrf_token, created_at, last_seen_at, expires_at, revoked_at
  FROM staff_sessions WHERE token_hash = p_token_hash
$$;
--> statement-breakpoint
CREATE FUNCTION auth_count_users() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT count(*) FROM staff_users
$$;
--> statement-breakpoint
CREATE FUNCTION auth_find_invitation(p_token_hash char(64)) RETURNS TABLE (
  id uuid, email text, display_name text, municipality_code varchar, roles staff_role[], expires_at timestamptz,
  accepted_at timestamptz
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, email, display_name, municipality_code, roles, expires_at, accepted_at
  FROM staff_invitations WHERE token_hash = p_token_hash
$$;
--> statement-breakpoint
CREATE FUNCTION auth_find_passkey(p_credential_id text) RETURNS TABLE (user_id uuid, municipality_code varchar)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT user_id, municipality_code FROM staff_passkeys WHERE credential_id = p_credential_id
$$;
--> statement-breakpoint

-- Functions are executable by PUBLIC when created; the SECURITY DEFINER ones only by whom
-- ensureAppRole (src/db/app-role.ts) grants them to.
REVOKE ALL ON FUNCTION audit_append(uuid, text, varchar, text, text, text, jsonb) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_verify() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_find_user_by_email(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_find_session(char) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_count_users() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_find_invitation(char) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_find_passkey(text) FROM PUBLIC;
