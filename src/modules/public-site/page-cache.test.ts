import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache } from './page-cache.ts';

describe('PageCache', () => {
  it('renders once, until cleared', async () => {
    let renders = 0;
    const cache = new PageCache(() => true);
    const render = async () => `page ${++renders}`;
    assert.equal((await cache.get('a', render)).identity.toString(), 'page 1');
    assert.equal((await cache.get('a', render)).identity.toString(), 'page 1');
    cache.clear();
    assert.equal((await cache.get('a', render)).identity.toString(), 'page 2');
  });

  it('renders again when the day changes in Amsterdam, and tells render which day it is', async () => {
    let now = new Date('2026-03-01T22:59:00Z'); // 23:59 in Amsterdam
    const cache = new PageCache(() => true, { clock: () => now });
    const render = async (today: string) => `page for ${today}`;
    assert.equal((await cache.get('a', render)).identity.toString(), 'page for 2026-03-01');
    now = new Date('2026-03-01T23:00:00Z'); // midnight in Amsterdam
    assert.equal((await cache.get('a', render)).identity.toString(), 'page for 2026-03-02');
  });

  it('does not keep a page rendered while a change came in', async () => {
    const cache = new PageCache(() => true);
    await cache.get('a', async () => {
      cache.clear();
      return 'stale';
    });
    assert.equal((await cache.get('a', async () => 'fresh')).identity.toString(), 'fresh');
  });

  it('passes on what is not a page (a redirect, "unknown") without storing it', async () => {
    const cache = new PageCache(() => true);
    const moved = { kind: 'moved', slug: 'groningen' } as const;
    assert.deepEqual(await cache.get('a', async () => moved), moved);
    assert.equal(
      (await cache.get('a', async () => 'page')).identity.toString(),
      'page',
      'nothing was kept for a redirect',
    );
    const untrusted = new PageCache(() => false);
    assert.deepEqual(await untrusted.get('a', async () => moved), moved);
  });

  it('is bypassed while change notifications cannot be trusted', async () => {
    let trusted = false;
    const cache = new PageCache(() => trusted);
    await cache.get('a', async () => 'old');
    assert.equal((await cache.get('a', async () => 'new')).identity.toString(), 'new');
    trusted = true;
    await cache.get('a', async () => 'kept');
    assert.equal((await cache.get('a', async () => 'ignored')).identity.toString(), 'kept');
  });

  it('remembers looked-up data until a change notification, and not while notifications are down', async () => {
    let trusted = true;
    let loads = 0;
    const cache = new PageCache(() => trusted);
    const load = async () => ({ kind: 'found', load: ++loads });
    assert.deepEqual(await cache.remember('municipality:amsterdam', load), { kind: 'found', load: 1 });
    assert.deepEqual(await cache.remember('municipality:amsterdam', load), { kind: 'found', load: 1 });
    cache.clear();
    assert.deepEqual(await cache.remember('municipality:amsterdam', load), { kind: 'found', load: 2 });
    trusted = false;
    assert.deepEqual(await cache.remember('municipality:amsterdam', load), { kind: 'found', load: 3 });
    assert.deepEqual(await cache.remember('municipality:amsterdam', load), { kind: 'found', load: 4 });
  });
});
