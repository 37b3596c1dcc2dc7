-- Data keys follow the tenant rules of migration 0003: a transaction sees and creates only its own
-- municipality's keys (a national scope sees all). The app may read and add keys but never change or
-- remove one (app-role.ts revokes UPDATE and DELETE): an overwritten key would make that
-- municipality's data unreadable. Re-wrapping under a new master key runs as the owner.
ALTER TABLE municipality_data_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_read ON municipality_data_keys FOR SELECT USING (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
CREATE POLICY tenant_insert ON municipality_data_keys FOR INSERT WITH CHECK (opendeur_tenant_visible(municipality_code));
