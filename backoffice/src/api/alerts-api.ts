/** On-call alerts and the front desk ("Kind aan de balie"). */
import { apiRequest, apiUrl } from './api-client.ts';

/** An alert nobody has picked up yet (no content: what raised it and when). */
export interface OpenAlert {
  id: string;
  source: 'conversation' | 'child_message' | 'walk_in' | 'phone';
  conversationId: string | null;
  createdAt: string;
  step: number;
  /** Children writing online share one alert: how many of them still wait for an answer (front desk: null). */
  waitingChildren: number | null;
}

/** Who the front desk can reach now. */
export interface FrontDeskView {
  onDuty: Array<{ displayName: string; phone: string | null }>;
  /** Nobody is on duty: these are the deputies or the escalation chain. */
  fallback: boolean;
}

/** The live stream (server-sent events) of the municipality's alerts: new, and picked up. */
export const ALERT_EVENTS_URL = apiUrl('/alerts/events');

/** One event of the stream (ids and kinds only); `resync`: events may have been missed, reload. */
export interface AlertStreamEvent {
  alertId: string;
  kind: 'created' | 'acknowledged' | 'resync';
}

/** GET /api/v1/alerts — the municipality's open alerts, newest first. */
export function fetchOpenAlerts(): Promise<{ alerts: OpenAlert[] }> {
  return apiRequest('GET', '/alerts');
}

/** POST /api/v1/alerts/{id}/acknowledge — "Ik pak het op": nobody else is alerted any more. */
export function acknowledgeAlert(id: string): Promise<void> {
  return apiRequest('POST', `/alerts/${encodeURIComponent(id)}/acknowledge`);
}

/** GET /api/v1/front-desk */
export function fetchFrontDesk(): Promise<FrontDeskView> {
  return apiRequest('GET', '/front-desk');
}

/** POST /api/v1/front-desk/contacts — raises the alert to whoever is on duty. */
export function registerFrontDeskContact(kind: 'walk_in' | 'phone', note: string): Promise<{ alertId: string }> {
  return apiRequest('POST', '/front-desk/contacts', { body: { kind, ...(note.trim() ? { note: note.trim() } : {}) } });
}
