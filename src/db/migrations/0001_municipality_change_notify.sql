-- Public pages are rendered once and cached in each app instance. Any change to what they show
-- notifies every instance (LISTEN opendeur_public_content), which then drops its cache.
CREATE FUNCTION notify_public_content_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('opendeur_public_content', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER municipalities_public_content_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION notify_public_content_changed();
--> statement-breakpoint
CREATE TRIGGER municipality_contact_routes_public_content_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipality_contact_routes
  FOR EACH STATEMENT EXECUTE FUNCTION notify_public_content_changed();
