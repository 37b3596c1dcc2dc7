import { TenantEvents } from '../../db/tenant-events.ts';

/** The channel the alert statements notify on, in their transaction (see alerts.repository.ts). */
export const ALERTS_CHANNEL = 'opendeur_alerts';

/** A new alert, or one somebody picked up; the id is the alert's. */
export const ALERT_EVENT_KINDS = ['created', 'acknowledged'] as const;

/** Live alert events of every instance, per municipality (see TenantEvents). */
export class AlertEvents extends TenantEvents<(typeof ALERT_EVENT_KINDS)[number]> {
  constructor() {
    super(ALERTS_CHANNEL, ALERT_EVENT_KINDS);
  }
}
