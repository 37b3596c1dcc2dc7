import { useEffect, useRef } from 'react';
import { CONVERSATION_EVENTS_URL } from '../../api/conversations-api.ts';

/** What the stream says changed; never any content. `resync`: events may have been missed, reload all. */
export interface ConversationStreamEvent {
  conversationId: string;
  kind: 'created' | 'updated' | 'deleted' | 'child_message' | 'staff_message' | 'note' | 'resync';
}

/** Events that arrive this close together lead to one reload. */
export const DEBOUNCE_MS = 300;
/** When the server closed the stream for good (e.g. a 5xx), try again after this long. */
const RECONNECT_MS = 10_000;

const RESYNC: ConversationStreamEvent = { conversationId: '', kind: 'resync' };

function parseEvent(data: unknown): ConversationStreamEvent | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const parsed = JSON.parse(data) as Partial<ConversationStreamEvent>;
    if (typeof parsed.kind !== 'string') return undefined;
    return {
      conversationId: typeof parsed.conversationId === 'string' ? parsed.conversationId : '',
      kind: parsed.kind,
    };
  } catch {
    return undefined;
  }
}

/**
 * Listens to GET /api/v1/conversations/events (server-sent events of the user's municipality) and
 * calls `onEvents` with the events of each quiet moment ({@link DEBOUNCE_MS}), so a burst of changes
 * leads to one reload. With `conversationId`, only that conversation's events (and resyncs) count.
 * A reconnect after the stream broke counts as a resync: events may have been lost meanwhile.
 */
export function useConversationEvents(
  onEvents: (events: ConversationStreamEvent[]) => void,
  conversationId?: string,
): void {
  const callback = useRef(onEvents);
  callback.current = onEvents;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let pending: ConversationStreamEvent[] = [];
    let debounce: ReturnType<typeof setTimeout> | undefined;
    let reconnect: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | undefined;
    let broken = false;

    const queue = (event: ConversationStreamEvent) => {
      if (conversationId && event.kind !== 'resync' && event.conversationId !== conversationId) return;
      pending.push(event);
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        const batch = pending;
        pending = [];
        callback.current(batch);
      }, DEBOUNCE_MS);
    };

    const connect = () => {
      source = new EventSource(CONVERSATION_EVENTS_URL, { withCredentials: true });
      source.addEventListener('conversation', (message) => {
        const event = parseEvent(message.data);
        if (event) queue(event);
      });
      source.addEventListener('open', () => {
        if (broken) queue(RESYNC);
        broken = false;
      });
      source.addEventListener('error', () => {
        broken = true;
        // The browser retries by itself unless the server refused the stream; then we do, later.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          reconnect = setTimeout(connect, RECONNECT_MS);
        }
      });
    };
    connect();

    return () => {
      clearTimeout(debounce);
      clearTimeout(reconnect);
      source?.close();
    };
  }, [conversationId]);
}
