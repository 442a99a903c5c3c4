import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { optionalService } from '../../../test/services';
import { createRedis, waitForRedis } from '../../lib/redis';
import { type CachedAnswer, etagOf } from './public-cache';
import { createRedisPublicCache } from './public-cache.redis';

const redisUrl = optionalService('Redis', process.env.TEST_REDIS_URL, 'TEST_REDIS_URL');

function answer(text: string, contentVersion = 1): CachedAnswer {
  const body = Buffer.from(text);
  return { body, etag: etagOf(body), contentVersion };
}

describe.skipIf(!redisUrl)('Redis public cache', () => {
  const redis = createRedis(redisUrl ?? 'redis://127.0.0.1:6379');
  const prefix = `test-${randomBytes(4).toString('hex')}:`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  const errors: unknown[] = [];
  const options = { prefix, ttlSeconds: 60, onError: (error: unknown) => errors.push(error) };

  it('shares answers and invalidations between instances, bytes, ETag and version intact', async () => {
    expect(await waitForRedis(redis)).toBe(true);
    const a = createRedisPublicCache(redis, options);
    const b = createRedisPublicCache(redis, options);
    const stored = answer('{"data":[1]}', 7);
    expect(await a.load('site-a', 'courses', async () => stored)).toEqual(stored);
    const fromB = await b.load('site-a', 'courses', async () => answer('not used'));
    expect(fromB?.body.toString()).toBe('{"data":[1]}');
    expect(fromB).toMatchObject({ etag: stored.etag, contentVersion: 7 });
    await a.invalidate(['site-a']);
    expect((await b.load('site-a', 'courses', async () => answer('fresh')))?.body.toString()).toBe('fresh');
  });

  it('never stores an answer read before an invalidation that happened during the read', async () => {
    const a = createRedisPublicCache(redis, options);
    const b = createRedisPublicCache(redis, options);
    await a.load('site-b', 'courses', async () => {
      await b.invalidate(['site-b']);
      return answer('old');
    });
    expect((await b.load('site-b', 'courses', async () => answer('new')))?.body.toString()).toBe('new');
  });

  it('expires an entry by its own deadline even when the hash lives on', async () => {
    let now = Date.now();
    const cache = createRedisPublicCache(redis, { ...options, ttlSeconds: 5, now: () => now });
    await cache.load('site-c', 'courses', async () => answer('first'));
    now += 6000;
    expect((await cache.load('site-c', 'courses', async () => answer('second')))?.body.toString()).toBe(
      'second',
    );
  });

  it('reads from the database while Redis is unreachable, and retries a lost invalidation', async () => {
    const dead = createRedis('redis://127.0.0.1:1');
    const failures: string[] = [];
    const cache = createRedisPublicCache(dead, {
      prefix,
      ttlSeconds: 60,
      retryDelayMs: 20,
      onError: (_error, during) => failures.push(during),
    });
    try {
      expect((await cache.load('site-d', 'courses', async () => answer('db')))?.body.toString()).toBe('db');
      await cache.invalidate(['site-d']);
      expect(cache.pendingInvalidations()).toEqual(['site-d']);
      // Until the invalidation went through, this instance does not trust Redis for that site.
      expect((await cache.load('site-d', 'courses', async () => answer('db again')))?.body.toString()).toBe(
        'db again',
      );
      expect(failures).toContain('read');
      expect(failures).toContain('invalidate');
    } finally {
      cache.close();
      dead.disconnect();
    }
  });

  it('sends the pending invalidation once Redis answers again', async () => {
    const flaky = createRedis(redisUrl ?? 'redis://127.0.0.1:6379');
    expect(await waitForRedis(flaky)).toBe(true);
    const a = createRedisPublicCache(flaky, { ...options, retryDelayMs: 20 });
    const b = createRedisPublicCache(redis, options);
    try {
      await b.load('site-e', 'courses', async () => answer('before'));
      const ended = new Promise((resolve) => flaky.once('end', resolve));
      flaky.disconnect();
      await ended;
      await a.invalidate(['site-e']);
      expect(a.pendingInvalidations()).toEqual(['site-e']);
      await flaky.connect();
      for (let i = 0; i < 100 && a.pendingInvalidations().length > 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(a.pendingInvalidations()).toEqual([]);
      expect((await b.load('site-e', 'courses', async () => answer('after')))?.body.toString()).toBe('after');
    } finally {
      a.close();
      flaky.disconnect();
    }
  });
});
