import { describe, expect, it } from 'vitest';
import { negotiateEncoding } from './compress';
import { cachedResponse, isNotModified, PageCache } from './html-cache';

const site = 'site-a';

describe('page cache', () => {
  it('keeps pages per site, version and path, and drops a site’s older pages when its version changes', () => {
    const cache = new PageCache();
    cache.noteVersion(site, 1);
    cache.set(site, 1, '/', cachedResponse(200, 'text/html', 'v1 home'));
    cache.set(site, 1, '/formations', cachedResponse(200, 'text/html', 'v1 list'));
    cache.set('site-b', 7, '/', cachedResponse(200, 'text/html', 'b home'));
    expect(cache.get(site, 1, '/')?.body.identity.toString()).toBe('v1 home');
    expect(cache.get(site, 2, '/')).toBeUndefined();

    cache.noteVersion(site, 2);
    expect(cache.get(site, 1, '/')).toBeUndefined();
    expect(cache.size.entries).toBe(1);
    // A render that started before the edit and finishes after it is not kept.
    cache.set(site, 1, '/', cachedResponse(200, 'text/html', 'late v1'));
    expect(cache.get(site, 1, '/')).toBeUndefined();
    expect(cache.get('site-b', 7, '/')?.body.identity.toString()).toBe('b home');
  });

  it('evicts the least recently used pages beyond its memory bound', () => {
    const cache = new PageCache({ maxBytes: 4000 });
    const page = () => cachedResponse(200, 'text/html', 'x'.repeat(800));
    cache.set(site, 1, '/a', page());
    cache.set(site, 1, '/b', page());
    cache.get(site, 1, '/a');
    cache.set(site, 1, '/c', page());
    expect(cache.get(site, 1, '/b')).toBeUndefined();
    expect(cache.get(site, 1, '/a')).toBeDefined();
    expect(cache.get(site, 1, '/c')).toBeDefined();
    expect(cache.size.bytes).toBeLessThanOrEqual(4000);
  });

  it('compares ETags weakly and understands lists and *', () => {
    const etag = cachedResponse(200, 'text/html', 'page').etag;
    expect(isNotModified(etag, etag)).toBe(true);
    expect(isNotModified(`"other", ${etag.replace('W/', '')}`, etag)).toBe(true);
    expect(isNotModified('*', etag)).toBe(true);
    expect(isNotModified('"other"', etag)).toBe(false);
    expect(isNotModified(undefined, etag)).toBe(false);
  });

  it.each([
    [undefined, 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['identity', 'identity'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
  ] as const)('Accept-Encoding %s → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});
