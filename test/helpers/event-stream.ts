import type { ApiClient } from './api-client.ts';

/** One server-sent event block: its `event`, `data`, `retry` fields and comments. */
export interface StreamBlock {
  event?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

/** An open server-sent event stream (or the error answer instead of one). */
export interface EventStream {
  status: number;
  headers: Headers;
  /** The parsed JSON error body when the answer was not a stream. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read error answers field by field
  body: any;
  text: string;
  /** Every block received so far, in order. */
  blocks: StreamBlock[];
  /** Resolves with the first block (already received or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(match: (block: StreamBlock) => boolean, timeoutMs?: number): Promise<StreamBlock>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

function parseBlock(raw: string): StreamBlock {
  const block: StreamBlock = {};
  for (const line of raw.split('\n')) {
    if (line.startsWith(':')) block.comment = line.slice(1).trim();
    else if (line.startsWith('event: ')) block.event = line.slice(7);
    else if (line.startsWith('data: ')) block.data = line.slice(6);
    else if (line.startsWith('retry: ')) block.retry = Number(line.slice(7));
  }
  return block;
}

/** Opens `path` as an EventSource would, with `client`'s cookies; an error answer is read whole. */
export async function openEventStream(client: ApiClient, path: string): Promise<EventStream> {
  const abort = new AbortController();
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(new URL(path, client.baseUrl), {
    headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) },
    signal: abort.signal,
  });
  const blocks: StreamBlock[] = [];
  const waiters = new Set<() => void>();
  const isStream = response.status === 200 && /event-stream/.test(response.headers.get('content-type') ?? '');
  let text = '';
  let body: unknown;
  let ended: Promise<void> = Promise.resolve();
  if (isStream && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    ended = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let index: number;
          while ((index = buffer.indexOf('\n\n')) >= 0) {
            blocks.push(parseBlock(buffer.slice(0, index)));
            buffer = buffer.slice(index + 2);
            for (const wake of waiters) wake();
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  } else {
    text = await response.text();
    body = /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
  }

  return {
    status: response.status,
    headers: response.headers,
    body,
    text,
    blocks,
    ended,
    close: () => abort.abort(),
    waitFor(match, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = blocks.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; received ${JSON.stringify(blocks)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
  };
}
