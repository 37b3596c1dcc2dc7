-- Programme tables follow the tenant rules of migration 0003: a municipality's scope sees and writes
-- its own rows, the national scope all of them.
ALTER TABLE enrolment_applications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON enrolment_applications
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE readiness_progress ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON readiness_progress
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE sticker_orders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON sticker_orders
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE qr_visits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON qr_visits
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
-- Published testimonials are public; drafts only for their municipality and the national scope.
ALTER TABLE testimonials ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY public_read ON testimonials FOR SELECT USING (status = 'published' OR opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
CREATE POLICY tenant_insert ON testimonials FOR INSERT WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
CREATE POLICY tenant_update ON testimonials FOR UPDATE
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
CREATE POLICY tenant_delete ON testimonials FOR DELETE USING (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
ALTER TABLE municipality_appearance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY public_read ON municipality_appearance FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY tenant_insert ON municipality_appearance FOR INSERT WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
CREATE POLICY tenant_update ON municipality_appearance FOR UPDATE
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
-- Public pages show testimonials and appearance: changes empty every instance's page cache.
CREATE TRIGGER testimonials_public_content_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON testimonials
  FOR EACH STATEMENT EXECUTE FUNCTION notify_public_content_changed();
--> statement-breakpoint
CREATE TRIGGER municipality_appearance_public_content_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipality_appearance
  FOR EACH STATEMENT EXECUTE FUNCTION notify_public_content_changed();
--> statement-breakpoint
-- The app may not write the registry; participation changes only through this function, and only
-- for a municipality the transaction's scope may see (its own, or any in the national scope).
CREATE FUNCTION programme_set_participation(p_code varchar, p_state participation_state) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT opendeur_tenant_visible(p_code) THEN
    RAISE EXCEPTION 'municipality % is outside this transaction''s scope', p_code USING ERRCODE = '42501';
  END IF;
  UPDATE municipalities SET participation = p_state, updated_at = now()
   WHERE code = p_code AND ended_on IS NULL AND participation IS DISTINCT FROM p_state;
  RETURN FOUND;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION programme_set_participation(varchar, participation_state) FROM PUBLIC;
--> statement-breakpoint
-- The e-mail confirmation link of an application is opened by someone without an account: this
-- finds the application by the token's hash only, marks it verified once, and says which it was.
CREATE FUNCTION enrolment_confirm_email(p_token_hash char(64), p_now timestamptz)
RETURNS TABLE (application_id uuid, municipality_code varchar)
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE enrolment_applications
     SET status = 'email_verified', email_verified_at = p_now, email_token_hash = NULL, email_token_expires_at = NULL
   WHERE email_token_hash = p_token_hash AND email_token_expires_at > p_now AND status = 'submitted'
  RETURNING id, municipality_code
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION enrolment_confirm_email(char, timestamptz) FROM PUBLIC;
--> statement-breakpoint
INSERT INTO readiness_items (key, title, description, position) VALUES
  ('front_desk_instructed', 'Balie en telefoon zijn geïnstrueerd',
   'Iedereen aan de balie, de telefoon en de portiers weet wat te doen als een kind binnenkomt of belt (de baliekaart in de toolkit).', 1),
  ('team_trained', 'Het team is benoemd en getraind',
   'Er is een last-resort-team met namen, en iedereen kent het gespreksprotocol en de Meldcode.', 2),
  ('roster_covered', 'Het rooster heeft geen gaten, of er is een vervanging afgesproken',
   'Altijd iemand bereikbaar: een rooster zonder gaten, of een afspraak met een andere gemeente of Veilig Thuis voor de uren zonder dienst.', 3),
  ('contact_routes', 'Contactroutes zijn ingevuld',
   'Bezoekadres en openingstijden, telefoon en e-mail (en eventueel een vertrouwenspersoon) staan in de instellingen.', 4),
  ('dpia_done', 'De DPIA is gedaan',
   'Een gegevensbeschermingseffectbeoordeling voor het verwerken van berichten van kinderen is vastgesteld.', 5),
  ('privacy_statement', 'De privacyverklaring is gepubliceerd',
   'Op de website van de gemeente staat wat er met berichten van kinderen gebeurt.', 6),
  ('sticker_on_door', 'De sticker zit op de deur van het gemeentehuis',
   'Noteer de datum; een foto mag.', 7);
