import { listenForChanges, type ChangeListener } from '../../db/change-listener.ts';

/** The channel the conversation triggers notify on (migration 0010). */
export const CONVERSATIONS_CHANNEL = 'opendeur_conversations';

/** What changed, as the trigger reports it: never any content. */
export interface ConversationEvent {
  municipalityCode: string;
  conversationId: string;
  /** created · updated · deleted · child_message · staff_message · note · resync (events may have been missed). */
  kind: 'created' | 'updated' | 'deleted' | 'child_message' | 'staff_message' | 'note' | 'resync';
}

type Subscriber = (event: ConversationEvent) => void;

/**
 * Fans out the conversation notifications that PostgreSQL sends to every instance, to the
 * subscribers of one municipality each (the back office's server-sent event streams). A reconnect
 * of the listener tells every subscriber to reload (`resync`), since notifications may have been lost.
 */
export class ConversationEvents {
  readonly #subscribers = new Map<string, Set<Subscriber>>();
  #listener: ChangeListener | undefined;

  /** Starts listening with the app's database URL. */
  start(url: string, log: (message: string) => void): void {
    this.#listener = listenForChanges(url, CONVERSATIONS_CHANNEL, (payload) => this.#dispatch(payload), log);
  }

  /** Subscribes to one municipality's events; returns the unsubscribe function. */
  subscribe(municipalityCode: string, subscriber: Subscriber): () => void {
    let set = this.#subscribers.get(municipalityCode);
    if (!set) this.#subscribers.set(municipalityCode, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.#subscribers.delete(municipalityCode);
    };
  }

  async close(): Promise<void> {
    await this.#listener?.close();
    this.#subscribers.clear();
  }

  #dispatch(payload: string | undefined): void {
    if (payload === undefined) {
      for (const [municipalityCode, set] of this.#subscribers)
        for (const subscriber of set) subscriber({ municipalityCode, conversationId: '', kind: 'resync' });
      return;
    }
    const [municipalityCode, conversationId, kind] = payload.split(':');
    if (!municipalityCode || !conversationId || !isKind(kind)) return;
    for (const subscriber of this.#subscribers.get(municipalityCode) ?? [])
      subscriber({ municipalityCode, conversationId, kind });
  }
}

const KINDS = new Set(['created', 'updated', 'deleted', 'child_message', 'staff_message', 'note']);
function isKind(kind: string | undefined): kind is ConversationEvent['kind'] {
  return kind !== undefined && KINDS.has(kind);
}
