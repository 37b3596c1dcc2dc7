-- The public counters (public-throttle.ts) in one place: counts one event on each key, each key with
-- its own window; a window has ended when it started at least its length before p_at, and then the
-- count starts again at 1. Rows are upserted in key order, so two claims never deadlock.
CREATE FUNCTION throttle_claim(p_keys text[], p_window_seconds float8[], p_at timestamptz)
RETURNS TABLE (claimed_key text, claimed_count integer, claimed_window_started_at timestamptz)
LANGUAGE sql AS $$
  INSERT INTO public_throttle AS t (key, count, window_started_at)
  SELECT k, 1, p_at FROM unnest(p_keys) AS k ORDER BY k
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN t.window_started_at <= p_at - make_interval(secs =>
        (SELECT u.s FROM unnest(p_keys, p_window_seconds) AS u(k, s) WHERE u.k = t.key))
      THEN 1 ELSE t.count + 1 END,
    window_started_at = CASE WHEN t.window_started_at <= p_at - make_interval(secs =>
        (SELECT u.s FROM unnest(p_keys, p_window_seconds) AS u(k, s) WHERE u.k = t.key))
      THEN excluded.window_started_at ELSE t.window_started_at END
  RETURNING t.key, t.count, t.window_started_at
$$;
--> statement-breakpoint
-- The municipality's running grouped alert (children writing online): not acknowledged, not exhausted.
-- At most one (unique index alerts_grouped_running). Row-level security applies: call it in the scope.
CREATE FUNCTION alert_running_grouped(p_municipality varchar) RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT id FROM alerts
  WHERE municipality_code = p_municipality AND grouped AND acknowledged_at IS NULL AND exhausted_at IS NULL
$$;
--> statement-breakpoint
-- Raises the grouped alert p_alert for a child's message whose conversation already names it (there was
-- no running one when the message was stored). When another child's alert came first (the INSERT waited
-- for its commit and inserted nothing), the conversation joins that one instead. True: raised.
CREATE FUNCTION alert_raise_grouped(p_alert uuid, p_municipality varchar, p_source alert_source,
  p_conversation uuid, p_now timestamptz) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alerts (id, municipality_code, source, conversation_id, created_at, step, next_escalation_at, grouped)
    VALUES (p_alert, p_municipality, p_source, p_conversation, p_now, 0, p_now, true)
    ON CONFLICT (municipality_code) WHERE grouped AND acknowledged_at IS NULL AND exhausted_at IS NULL DO NOTHING;
  IF FOUND THEN
    -- The back offices' live alert stream (as every other statement that raises an alert does).
    PERFORM pg_notify('opendeur_alerts', p_municipality || ':' || p_alert || ':created');
    RETURN true;
  END IF;
  UPDATE conversations SET alert_id = alert_running_grouped(p_municipality) WHERE id = p_conversation;
  RETURN false;
END;
$$;
--> statement-breakpoint
-- A child's first message in one round trip: the municipality's scope, the limits on sending, the
-- conversation with its message, and the grouped alert it joins or raises, in one call (one implicit
-- transaction) instead of BEGIN, several statements and COMMIT. SECURITY INVOKER: it runs as the app
-- role under row-level security, in the scope it sets for this transaction only. Over a limit: answers
-- the keys over it and until when, and stores nothing else (the counters commit). Otherwise answers
-- within how many hours the municipality promises a reply, and the alert it raised (null: it joined).
CREATE FUNCTION child_start_conversation(
  p_municipality varchar, p_keys text[], p_window_seconds float8[], p_limits integer[],
  p_conversation uuid, p_code_hash bytea, p_child_name bytea, p_age_range age_range,
  p_contact_preference contact_preference, p_contact_detail bytea,
  p_message uuid, p_body bytea, p_submission_hash bytea, p_now timestamptz,
  p_new_alert uuid, p_default_reply_hours integer,
  OUT refused_keys text[], OUT refused_until timestamptz[], OUT reply_hours integer, OUT raised_alert uuid)
LANGUAGE plpgsql AS $$
DECLARE
  v_alert uuid;
BEGIN
  PERFORM set_config('opendeur.municipality', p_municipality, true), set_config('opendeur.national', 'off', true);
  SELECT coalesce(array_agg(c.claimed_key ORDER BY c.claimed_key), '{}'),
         coalesce(array_agg(c.claimed_window_started_at + make_interval(secs => l.s) ORDER BY c.claimed_key), '{}')
    INTO refused_keys, refused_until
    FROM throttle_claim(p_keys, p_window_seconds, p_now) AS c
    JOIN unnest(p_keys, p_window_seconds, p_limits) AS l(k, s, lim) ON l.k = c.claimed_key
    WHERE c.claimed_count > l.lim;
  IF cardinality(refused_keys) > 0 THEN
    RETURN;
  END IF;
  INSERT INTO conversations (id, municipality_code, code_hash, status, child_name, age_range, contact_preference,
      contact_detail, created_at, last_child_message_at, last_activity_at, alert_id)
    VALUES (p_conversation, p_municipality, p_code_hash, 'new', p_child_name, p_age_range, p_contact_preference,
      p_contact_detail, p_now, p_now, p_now, coalesce(alert_running_grouped(p_municipality), p_new_alert))
    RETURNING conversations.alert_id INTO v_alert;
  INSERT INTO conversation_messages (id, conversation_id, municipality_code, author, body, submission_hash, created_at)
    VALUES (p_message, p_conversation, p_municipality, 'child', p_body, p_submission_hash, p_now);
  IF v_alert = p_new_alert AND alert_raise_grouped(p_new_alert, p_municipality, 'conversation', p_conversation, p_now) THEN
    raised_alert := p_new_alert;
  END IF;
  reply_hours := coalesce((SELECT s.reply_within_hours FROM municipality_conversation_settings s
    WHERE s.municipality_code = p_municipality), p_default_reply_hours);
END;
$$;
