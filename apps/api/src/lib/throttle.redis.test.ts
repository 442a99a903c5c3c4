import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { optionalService } from '../../test/services';
import { createRedis, waitForRedis } from './redis';
import { createMemoryThrottleStore, createRedisThrottleStore } from './throttle';

const redisUrl = optionalService('Redis', process.env.TEST_REDIS_URL, 'TEST_REDIS_URL');

describe.skipIf(!redisUrl)('Redis throttle store', () => {
  const redis = createRedis(redisUrl ?? 'redis://127.0.0.1:6379');
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  afterAll(() => redis.disconnect());

  it('shares counts between two stores (two instances) and expires them', async () => {
    expect(await waitForRedis(redis)).toBe(true);
    const errors: unknown[] = [];
    const a = createRedisThrottleStore(redis, createMemoryThrottleStore(), (e) => errors.push(e));
    const b = createRedisThrottleStore(redis, createMemoryThrottleStore(), (e) => errors.push(e));
    expect((await a.hit(`${prefix}:k`, 60)).count).toBe(1);
    expect((await b.hit(`${prefix}:k`, 60)).count).toBe(2);
    const peeked = await a.peek(`${prefix}:k`);
    expect(peeked.count).toBe(2);
    expect(peeked.resetSeconds).toBeGreaterThan(55);
    await b.reset(`${prefix}:k`);
    expect((await a.peek(`${prefix}:k`)).count).toBe(0);
    expect(errors).toEqual([]);
  });

  it('falls back to counting in process when Redis is unreachable', async () => {
    const dead = createRedis('redis://127.0.0.1:1');
    const errors: unknown[] = [];
    const store = createRedisThrottleStore(dead, createMemoryThrottleStore(), (e) => errors.push(e));
    expect((await store.hit('k', 60)).count).toBe(1);
    expect((await store.hit('k', 60)).count).toBe(2);
    expect(errors.length).toBeGreaterThan(0);
    dead.disconnect();
  });
});
