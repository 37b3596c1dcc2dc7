import { compressBody, type CompressedBody } from '../../http/compressed-body.ts';

/**
 * Rendered public pages, kept per instance. Safe with several instances because every change to
 * what the pages show is announced with NOTIFY and empties every instance's cache; while that
 * announcement channel is down, the cache is bypassed.
 */
export class PageCache {
  readonly #pages = new Map<string, CompressedBody>();
  /** Bumped by every clear, so a page rendered before a change is not stored after it. */
  #generation = 0;

  constructor(
    private readonly isTrustworthy: () => boolean,
    private readonly maxEntries = 4000,
  ) {}

  /** The cached page for `key`, rendering it with `render` when missing. */
  async get(key: string, render: () => Promise<string>): Promise<CompressedBody> {
    if (!this.isTrustworthy()) return compressBody(await render());
    const cached = this.#pages.get(key);
    if (cached) return cached;
    const generation = this.#generation;
    const body = compressBody(await render());
    if (this.#pages.size >= this.maxEntries) this.#pages.clear();
    if (generation === this.#generation && this.isTrustworthy()) this.#pages.set(key, body);
    return body;
  }

  /** Forgets every page; called on each change notification. */
  clear(): void {
    this.#generation++;
    this.#pages.clear();
  }
}
