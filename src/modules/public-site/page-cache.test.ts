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
});
