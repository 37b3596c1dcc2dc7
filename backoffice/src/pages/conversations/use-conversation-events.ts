import { useEffect, useRef } from 'react';
import { CONVERSATION_EVENTS_URL } from '../../api/conversations-api.ts';
import { connectEventStream } from '../../components/event-stream.ts';

/** What the stream says changed; never any content. `resync`: events may have been missed, reload all. */
export interface ConversationStreamEvent {
  conversationId: string;
  kind: 'created' | 'updated' | 'deleted' | 'child_message' | 'staff_message' | 'note' | 'resync';
}

/** Events that arrive this close together lead to one reload. */
export const DEBOUNCE_MS = 300;

const RESYNC: ConversationStreamEvent = { conversationId: '', kind: 'resync' };

function parseEvent(data: unknown): ConversationStreamEvent | undefined {
  const parsed = data as Partial<ConversationStreamEvent> | null;
  if (typeof parsed?.kind !== 'string') return undefined;
  return { conversationId: typeof parsed.conversationId === 'string' ? parsed.conversationId : '', kind: parsed.kind };
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
    let pending: ConversationStreamEvent[] = [];
    let debounce: ReturnType<typeof setTimeout> | undefined;

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

    const close = connectEventStream({
      url: CONVERSATION_EVENTS_URL,
      event: 'conversation',
      onData: (data) => {
        const event = parseEvent(data);
        if (event) queue(event);
      },
      onResync: () => queue(RESYNC),
    });

    return () => {
      clearTimeout(debounce);
      close();
    };
  }, [conversationId]);
}
