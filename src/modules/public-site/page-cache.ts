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

  /**
   * The cached page for `key`. When missing, `render` loads what the page shows and renders it, or
   * answers something else (a redirect, "unknown"), which is passed on and not stored. Loading inside
   * `render` matters: a change announced while it runs must not leave a stale page behind.
   */
  async get(key: string, render: () => Promise<string>): Promise<CompressedBody>;
  async get<Other extends object>(key: string, render: () => Promise<string | Other>): Promise<CompressedBody | Other>;
  async get<Other extends object>(key: string, render: () => Promise<string | Other>): Promise<CompressedBody | Other> {
    if (!this.isTrustworthy()) return compressIfPage(await render());
    const cached = this.#pages.get(key);
    if (cached) return cached;
    const generation = this.#generation;
    const rendered = await render();
    if (typeof rendered !== 'string') return rendered;
    const body = compressBody(rendered);
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

function compressIfPage<Other>(rendered: string | Other): CompressedBody | Other {
  return typeof rendered === 'string' ? compressBody(rendered) : rendered;
}
