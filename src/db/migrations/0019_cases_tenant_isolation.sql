-- Cases hold what the team learned about a child: like conversations, only the municipality's own
-- scope sees them (national coordinators run the programme, they do not read cases). Who in the
-- municipality may open a case (assignees, the coordinator, or break-the-glass) is the service's rule.
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON cases
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
ALTER TABLE case_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON case_keys
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
ALTER TABLE case_assignees ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON case_assignees
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON case_events
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
ALTER TABLE meldcode_decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON meldcode_decisions
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
ALTER TABLE case_tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON case_tasks
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
ALTER TABLE case_access_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON case_access_grants
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON referrals
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
-- Deletion records and the directory carry no content about a child: the national scope may read them
-- (anonymised figures), the municipality its own.
ALTER TABLE case_deletions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON case_deletions
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE referral_parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON referral_parties
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE municipality_case_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON municipality_case_settings
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
-- The background sweeps (retention, reminders, untouched cases) work one municipality at a time in
-- its own scope; this tells them which municipalities have cases at all, and nothing else.
CREATE FUNCTION case_municipalities() RETURNS SETOF varchar
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT DISTINCT municipality_code FROM cases
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION case_municipalities() FROM PUBLIC;
--> statement-breakpoint
-- The receiving party of a referral has no account: the link's token (only its SHA-256 is stored)
-- tells which referral and municipality it is for, while the link is valid; the app then works in
-- that municipality's scope.
CREATE FUNCTION referral_link_scope(p_token_hash bytea, p_now timestamptz)
RETURNS TABLE (referral_id uuid, municipality_code varchar)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, municipality_code FROM referrals
   WHERE link_token_hash = p_token_hash AND link_expires_at > p_now
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION referral_link_scope(bytea, timestamptz) FROM PUBLIC;
