import { compressBody, type CompressedBody } from '../../http/compressed-body.ts';

/**
 * Rendered public pages, kept per instance. Safe with several instances because every change to
 * what the pages show is announced with NOTIFY and empties every instance's cache; while that
 * announcement channel is down, the cache is bypassed.
 */
export class PageCache {
  readonly #pages = new Map<string, CompressedBody>();
  /** Looked-up public data (not pages) under the same rules: emptied by the same notifications. */
  readonly #data = new Map<string, object>();
  /** Bumped by every clear, so a page rendered before a change is not stored after it. */
  #generation = 0;
  /** The Amsterdam day the cached pages were rendered for. */
  #day = '';
  private readonly maxEntries: number;
  private readonly clock: () => Date;

  /**
   * Pages may show what depends on the date (a testimonial's publication period starts or ends at
   * an Amsterdam midnight, and no NOTIFY announces that): the cache therefore holds one day's pages
   * and empties itself when the day changes. `clock` is the app's clock, so tests can move the day.
   */
  constructor(
    private readonly isTrustworthy: () => boolean,
    options: { maxEntries?: number; clock?: () => Date } = {},
  ) {
    this.maxEntries = options.maxEntries ?? 4000;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Today in Europe/Amsterdam (YYYY-MM-DD), as the pages are rendered for. */
  today(): string {
    return amsterdamDay(this.clock());
  }

  /**
   * The cached page for `key`. When missing, `render` loads what the page shows and renders it, or
   * answers something else (a redirect, "unknown"), which is passed on and not stored. Loading inside
   * `render` matters: a change announced while it runs must not leave a stale page behind.
   */
  async get(key: string, render: (today: string) => Promise<string>): Promise<CompressedBody>;
  async get<Other extends object>(
    key: string,
    render: (today: string) => Promise<string | Other>,
  ): Promise<CompressedBody | Other>;
  async get<Other extends object>(
    key: string,
    render: (today: string) => Promise<string | Other>,
  ): Promise<CompressedBody | Other> {
    const today = this.today();
    if (!this.isTrustworthy()) return compressIfPage(await render(today));
    this.#startDay(today);
    const cached = this.#pages.get(key);
    if (cached) return cached;
    const generation = this.#generation;
    const rendered = await render(today);
    if (typeof rendered !== 'string') return rendered;
    const body = compressBody(rendered);
    if (this.#pages.size >= this.maxEntries) this.#pages.clear();
    if (generation === this.#generation && this.isTrustworthy()) this.#pages.set(key, body);
    return body;
  }

  /**
   * Public data that a page or form needs on every request (e.g. which municipality a slug is),
   * remembered like a page: dropped on every change notification and the same day change, and not
   * remembered at all while notifications cannot be trusted.
   */
  async remember<T extends object>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.isTrustworthy()) return load();
    this.#startDay(this.today());
    const known = this.#data.get(key);
    if (known) return known as T;
    const generation = this.#generation;
    const loaded = await load();
    if (this.#data.size >= this.maxEntries) this.#data.clear();
    if (generation === this.#generation && this.isTrustworthy()) this.#data.set(key, loaded);
    return loaded;
  }

  /** What was remembered for another day is dropped when the Amsterdam day changes. */
  #startDay(today: string): void {
    if (today === this.#day) return;
    this.clear();
    this.#day = today;
  }

  /** Forgets every page and every remembered datum; called on each change notification. */
  clear(): void {
    this.#generation++;
    this.#pages.clear();
    this.#data.clear();
  }
}

/** The calendar day of `now` in Europe/Amsterdam, as YYYY-MM-DD. */
export function amsterdamDay(now: Date): string {
  // Asked on every request; the day only changes on a whole minute (UTC offsets are whole hours).
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastDay?.minute !== minute) lastDay = { minute, day: AMSTERDAM_DAY.format(now) };
  return lastDay.day;
}

let lastDay: { minute: number; day: string } | undefined;

// Made once: building a DateTimeFormat costs more than serving a cached page.
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function compressIfPage<Other>(rendered: string | Other): CompressedBody | Other {
  return typeof rendered === 'string' ? compressBody(rendered) : rendered;
}
