import { describe, expect, it } from 'vitest';
import { type CachedAnswer, createMemoryPublicCache, etagOf } from './public-cache';

function answer(text: string, contentVersion = 1): CachedAnswer {
  const body = Buffer.from(text);
  return { body, etag: etagOf(body), contentVersion };
}

describe('in-process public cache', () => {
  it('serves what it stored until the site is invalidated', async () => {
    const cache = createMemoryPublicCache({ ttlSeconds: 60, maxBytes: 1e6 });
    let produced = 0;
    const produce = async () => answer(`v${++produced}`);
    expect((await cache.load('a', 'courses', produce))?.body.toString()).toBe('v1');
    expect((await cache.load('a', 'courses', produce))?.body.toString()).toBe('v1');
    await cache.invalidate(['a']);
    expect((await cache.load('a', 'courses', produce))?.body.toString()).toBe('v2');
  });

  it('never stores an answer read before an invalidation that happened during the read', async () => {
    const cache = createMemoryPublicCache({ ttlSeconds: 60, maxBytes: 1e6 });
    const stale = await cache.load('a', 'courses', async () => {
      // An edit commits and invalidates while this reader is still reading the old data.
      await cache.invalidate(['a']);
      return answer('old');
    });
    expect(stale?.body.toString()).toBe('old');
    expect((await cache.load('a', 'courses', async () => answer('new')))?.body.toString()).toBe('new');
  });

  it('does not cache misses, expires entries, and stays within its byte bound', async () => {
    let now = 0;
    const cache = createMemoryPublicCache({ ttlSeconds: 10, maxBytes: 10, now: () => now });
    expect(await cache.load('a', 'x', async () => undefined)).toBeUndefined();
    expect((await cache.load('a', 'x', async () => answer('123456')))?.body.toString()).toBe('123456');
    now = 11_000;
    expect((await cache.load('a', 'x', async () => answer('abcdef')))?.body.toString()).toBe('abcdef');
    // A second site pushes the first (least recently used) out: 6 + 6 bytes > 10.
    await cache.load('b', 'x', async () => answer('ghijkl'));
    expect((await cache.load('a', 'x', async () => answer('mnopqr')))?.body.toString()).toBe('mnopqr');
    expect((await cache.load('b', 'x', async () => answer('stuvwx')))?.body.toString()).toBe('stuvwx');
  });

  it('peeks at fresh answers only, without counting, and forgets them at invalidation', async () => {
    let now = 0;
    let hits = 0;
    let misses = 0;
    const stats = { hit: () => hits++, miss: () => misses++ };
    const cache = createMemoryPublicCache({ ttlSeconds: 10, maxBytes: 1e6, now: () => now, stats });
    expect(cache.peek('a', 'courses')).toBeUndefined();
    await cache.load('a', 'courses', async () => answer('v1'));
    expect(cache.peek('a', 'courses')?.body.toString()).toBe('v1');
    expect(cache.peek('a', 'course:x')).toBeUndefined();
    expect(cache.peek('b', 'courses')).toBeUndefined();
    expect({ hits, misses }).toEqual({ hits: 0, misses: 1 });
    await cache.invalidate(['a']);
    expect(cache.peek('a', 'courses')).toBeUndefined();
    await cache.load('a', 'courses', async () => answer('v2'));
    now = 10_000;
    expect(cache.peek('a', 'courses')).toBeUndefined();
  });
});
