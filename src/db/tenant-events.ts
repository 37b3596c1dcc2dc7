import { listenForChanges, type ChangeListener } from './change-listener.ts';

/** What changed, as a notification reports it: a municipality, an id and a kind — never any content. */
export interface TenantEvent<Kind extends string> {
  municipalityCode: string;
  id: string;
  /** `resync`: notifications may have been missed (the listener reconnected); reload everything. */
  kind: Kind | 'resync';
}

type Subscriber<Kind extends string> = (event: TenantEvent<Kind>) => void;

/**
 * Fans out the notifications PostgreSQL sends every instance on one channel (payload
 * `<municipality>:<id>:<kind>`) to the subscribers of that municipality each — the back office's
 * server-sent event streams. Payloads of unknown kinds are dropped. A reconnect of the listener
 * tells every subscriber to reload (`resync`), since notifications may have been lost meanwhile.
 */
export class TenantEvents<Kind extends string> {
  readonly #subscribers = new Map<string, Set<Subscriber<Kind>>>();
  readonly #kinds: ReadonlySet<string>;
  #listener: ChangeListener | undefined;

  constructor(
    readonly channel: string,
    kinds: readonly Kind[],
  ) {
    this.#kinds = new Set(kinds);
  }

  /** Starts listening with the app's database URL. */
  start(url: string, log: (message: string) => void): void {
    this.#listener = listenForChanges(url, this.channel, (payload) => this.#dispatch(payload), log);
  }

  /** Subscribes to one municipality's events; returns the unsubscribe function. */
  subscribe(municipalityCode: string, subscriber: Subscriber<Kind>): () => void {
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
        for (const subscriber of set) subscriber({ municipalityCode, id: '', kind: 'resync' });
      return;
    }
    const [municipalityCode, id, kind] = payload.split(':');
    if (!municipalityCode || !id || !this.#isKind(kind)) return;
    for (const subscriber of this.#subscribers.get(municipalityCode) ?? []) subscriber({ municipalityCode, id, kind });
  }

  #isKind(kind: string | undefined): kind is Kind {
    return kind !== undefined && this.#kinds.has(kind);
  }
}
