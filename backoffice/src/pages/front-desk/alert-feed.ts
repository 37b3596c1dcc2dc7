import { useEffect, useRef } from 'react';
import { ALERT_EVENTS_URL, type AlertStreamEvent } from '../../api/alerts-api.ts';
import { connectEventStream } from '../../components/event-stream.ts';

type Listener = (event: AlertStreamEvent) => void;

const listeners = new Set<Listener>();
let close: (() => void) | undefined;

function parse(data: unknown): AlertStreamEvent | undefined {
  const event = data as Partial<AlertStreamEvent> | null;
  if (typeof event?.alertId !== 'string' || (event.kind !== 'created' && event.kind !== 'acknowledged'))
    return undefined;
  return { alertId: event.alertId, kind: event.kind };
}

function tell(event: AlertStreamEvent) {
  for (const listener of listeners) listener(event);
}

/**
 * Subscribes to the municipality's live alerts. The tab keeps one stream however many parts of the
 * page listen (the watcher in the frame, the list on the inbox): it opens with the first listener
 * and closes with the last. Answers the unsubscribe function.
 */
export function subscribeToAlerts(listener: Listener): () => void {
  listeners.add(listener);
  close ??= connectEventStream({
    url: ALERT_EVENTS_URL,
    event: 'alert',
    onData: (data) => {
      const event = parse(data);
      if (event) tell(event);
    },
    onResync: () => tell({ alertId: '', kind: 'resync' }),
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    close?.();
    close = undefined;
  };
}

/** Calls `onEvent` for every live alert event while the component is mounted. */
export function useAlertEvents(onEvent: Listener): void {
  const callback = useRef(onEvent);
  callback.current = onEvent;
  useEffect(() => subscribeToAlerts((event) => callback.current(event)), []);
}
