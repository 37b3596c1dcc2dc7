-- Roster tables follow the tenant rules of migration 0003: a municipality's scope sees and writes
-- its own rows, the national scope all of them.
ALTER TABLE roster_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON roster_members
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE roster_shifts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON roster_shifts
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE roster_exceptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON roster_exceptions
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE roster_escalation_chain ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON roster_escalation_chain
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE roster_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON roster_settings
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
