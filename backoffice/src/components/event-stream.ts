/** When the server closed a stream for good (e.g. a 5xx), try again after this long. */
const RECONNECT_MS = 10_000;

/** One server-sent event stream of the API, as the back office listens to it. */
export interface EventStreamOptions {
  url: string;
  /** The SSE event name whose data (JSON) is wanted. */
  event: string;
  onData: (data: unknown) => void;
  /** After the stream broke and came back: events may have been lost meanwhile. */
  onResync: () => void;
}

/**
 * Opens an EventSource on `url` with the session cookie and hands on the parsed data of each
 * `event`. The browser reconnects by itself, unless the server refused the stream; then we do,
 * later. Answers the function that closes it.
 */
export function connectEventStream({ url, event, onData, onResync }: EventStreamOptions): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let source: EventSource | undefined;
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  let broken = false;

  const connect = () => {
    source = new EventSource(url, { withCredentials: true });
    source.addEventListener(event, (message) => {
      try {
        onData(JSON.parse(String(message.data)));
      } catch {
        // Not JSON: not ours to act on.
      }
    });
    source.addEventListener('open', () => {
      if (broken) onResync();
      broken = false;
    });
    source.addEventListener('error', () => {
      broken = true;
      if (source?.readyState === EventSource.CLOSED) {
        source.close();
        reconnect = setTimeout(connect, RECONNECT_MS);
      }
    });
  };
  connect();

  return () => {
    clearTimeout(reconnect);
    source?.close();
  };
}
