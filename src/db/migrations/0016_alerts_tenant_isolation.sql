-- Alert tables follow the tenant rules of migration 0003: a municipality's scope sees its own rows,
-- the national scope all of them (the escalation sweep runs in the national scope).
ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON alerts
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE alert_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON alert_deliveries
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE front_desk_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON front_desk_contacts
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
