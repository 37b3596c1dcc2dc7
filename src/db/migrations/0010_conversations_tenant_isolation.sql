-- What children write is for their own municipality only. Unlike other tenant tables, a national
-- scope does not see it: national coordinators run the programme, they do not read children's
-- conversations (anonymised figures will come through narrow functions).
CREATE FUNCTION opendeur_own_municipality(row_municipality varchar) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT row_municipality IS NOT NULL
     AND row_municipality = nullif(current_setting('opendeur.municipality', true), '')
$$;
--> statement-breakpoint
ALTER TABLE conversations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON conversations
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
ALTER TABLE conversation_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON conversation_messages
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
ALTER TABLE conversation_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON conversation_notes
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
ALTER TABLE conversation_reads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_municipality ON conversation_reads
  USING (opendeur_own_municipality(municipality_code)) WITH CHECK (opendeur_own_municipality(municipality_code));
--> statement-breakpoint
-- The child's page shows the settings of any municipality; only its own team (or the national
-- coordinator) changes them.
ALTER TABLE municipality_conversation_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY public_read ON municipality_conversation_settings FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY tenant_insert ON municipality_conversation_settings FOR INSERT
  WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
CREATE POLICY tenant_update ON municipality_conversation_settings FOR UPDATE
  USING (opendeur_tenant_visible(municipality_code)) WITH CHECK (opendeur_tenant_visible(municipality_code));
--> statement-breakpoint
-- Live inbox: every instance LISTENs on opendeur_conversations and tells the signed-in responders of
-- that municipality. The payload is "<municipality>:<conversation id>:<event>" — never content.
CREATE FUNCTION notify_conversation_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed record;
  event text;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  IF TG_TABLE_NAME = 'conversations' THEN
    event := CASE TG_OP WHEN 'INSERT' THEN 'created' WHEN 'DELETE' THEN 'deleted' ELSE 'updated' END;
    PERFORM pg_notify('opendeur_conversations', changed.municipality_code || ':' || changed.id || ':' || event);
  ELSIF TG_TABLE_NAME = 'conversation_messages' THEN
    PERFORM pg_notify('opendeur_conversations',
      changed.municipality_code || ':' || changed.conversation_id || ':' || changed.author || '_message');
  ELSE
    PERFORM pg_notify('opendeur_conversations', changed.municipality_code || ':' || changed.conversation_id || ':note');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER conversations_changed AFTER INSERT OR UPDATE OR DELETE ON conversations
  FOR EACH ROW EXECUTE FUNCTION notify_conversation_changed();
--> statement-breakpoint
CREATE TRIGGER conversation_messages_changed AFTER INSERT ON conversation_messages
  FOR EACH ROW EXECUTE FUNCTION notify_conversation_changed();
--> statement-breakpoint
CREATE TRIGGER conversation_notes_changed AFTER INSERT ON conversation_notes
  FOR EACH ROW EXECUTE FUNCTION notify_conversation_changed();
