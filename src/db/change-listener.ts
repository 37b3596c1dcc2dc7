import pg from 'pg';

/** Listens on one PostgreSQL channel and tells whether notifications can currently be trusted. */
export interface ChangeListener {
  /** False while the connection is down: notifications may have been missed. */
  readonly connected: boolean;
  close(): Promise<void>;
}

/**
 * Keeps a dedicated connection LISTENing on `channel`. Every notification calls `onChange` with its
 * payload; every reconnect (when some may have been missed) calls it without one. Reconnects with
 * backoff until closed.
 */
export function listenForChanges(
  url: string,
  channel: string,
  onChange: (payload?: string) => void,
  log: (message: string) => void,
): ChangeListener {
  let client: pg.Client | undefined;
  let connected = false;
  let closed = false;
  let retryDelay = 250;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, application_name: 'opendeur-listener' });
    next.on('notification', (notification) => onChange(notification.payload ?? ''));
    next.on('error', (error) => {
      log(`change listener lost its connection: ${error.message}`);
      dropAndRetry(next);
    });
    next.on('end', () => dropAndRetry(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (closed) return void (await next.end());
      client = next;
      connected = true;
      retryDelay = 250;
      onChange();
    } catch (error) {
      log(`change listener could not connect: ${(error as Error).message}`);
      dropAndRetry(next);
    }
  };

  const dropAndRetry = (failed: pg.Client) => {
    if (client && client !== failed) return;
    connected = false;
    client = undefined;
    failed.removeAllListeners('end');
    failed.end().catch(() => {});
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryDelay);
    retryTimer.unref();
    retryDelay = Math.min(retryDelay * 2, 10_000);
  };

  void connect();
  return {
    get connected() {
      return connected;
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      connected = false;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => {});
      }
    },
  };
}
