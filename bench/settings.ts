/** What `npm run bench` measures and the targets it holds the figures to (design.md, issue 2). */

/** The bare route the municipality page is compared with: same app, same hooks, no work. */
export const BARE_ROUTE = '/__bench/bare';

/** The municipality page under load (active with demo data: the fuller page). */
export const PAGE_ROUTE = '/gemeente/amsterdam';

/** What a phone's browser sends. */
export const ACCEPT_ENCODING = 'br, gzip';

export const LOAD = {
  connections: 50,
  warmupSeconds: 3,
  /** Each route runs `rounds` times for this long, interleaved with the other: 5 × 2 s = 10 s each. */
  roundSeconds: 2,
  rounds: 5,
};

/** "Write to the mayor": the write form against a bare INSERT of the same rows, interleaved like LOAD. */
export const MESSAGE_LOAD = {
  /** Children sending at once; the bare INSERTs use as many database connections. */
  connections: 16,
  warmupSeconds: 2,
  roundSeconds: 2,
  rounds: 3,
  /** A message of a few sentences. */
  messageChars: 400,
  /** Amsterdam: active with demo data, so its form takes messages. */
  slug: 'amsterdam',
  municipalityCode: 'GM0363',
};

export const TARGETS = {
  /** The page's requests/s as a share of the bare route's. */
  minRatio: 0.5,
  /** Messages sent through the form per second as a share of bare INSERTs of the same rows (issue 4). */
  minMessageRatio: 0.3,
  maxP99Ms: 25,
  maxCompressedBytes: 20 * 1024,
  maxStartSeconds: 5,
  maxIdleRssBytes: 250 * 1024 * 1024,
};

/** How long the app is left alone after its first 200 before its memory is read. */
export const IDLE_SETTLE_MS = 3000;
