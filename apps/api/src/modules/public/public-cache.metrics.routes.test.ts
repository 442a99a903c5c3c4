import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app';
import { createSite, loggedInUser } from '../../../test/factories';
import { samplesOf } from '../../../test/prometheus';
import { optionalService } from '../../../test/services';
import { createRedis, waitForRedis } from '../../lib/redis';

const redisUrl = optionalService('Redis', process.env.TEST_REDIS_URL, 'TEST_REDIS_URL');

/** The public cache's hit ratio on /metrics, by store: what an operator watches to size it. */

async function scrape(t: TestApp) {
  const samples = samplesOf((await t.app.inject({ url: '/metrics' })).body);
  return (name: string, labels: Record<string, string> = {}) =>
    samples.find(
      (sample) =>
        sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )?.value ?? 0;
}

/** Two reads of one answer, then an edit and a read again: 2 misses, 1 hit, the site's keys invalidated. */
async function readEditRead(t: TestApp, store: 'memory' | 'redis') {
  const site = await createSite(t.database);
  const admin = await loggedInUser(t.app, t.database, { role: 'admin' });
  const before = await scrape(t);
  const read = async () =>
    expect((await t.app.inject({ url: `/api/v1/public/sites/${site.slug}/courses` })).statusCode).toBe(200);
  await read();
  await read();
  const edited = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/sites/${site.id}`,
    headers: admin.headers,
    payload: { description: 'Nouvelle description' },
  });
  expect(edited.statusCode).toBe(200);
  await read();
  const after = await scrape(t);
  const delta = (name: string) => after(name, { store }) - before(name, { store });
  expect(delta('swigs_public_cache_misses_total')).toBe(2);
  expect(delta('swigs_public_cache_hits_total')).toBe(1);
  // The slug and the domain: both names the site's answers are cached under.
  expect(delta('swigs_public_cache_invalidations_total')).toBe(2);
  return after;
}

describe('public cache metrics, in process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('counts hits, misses and invalidations, and the bytes held', async () => {
    const after = await readEditRead(t, 'memory');
    expect(after('swigs_public_cache_bytes')).toBeGreaterThan(0);
  });
});

describe.skipIf(!redisUrl)('public cache metrics, in Redis', () => {
  const prefix = `test-${randomBytes(4).toString('hex')}:`;
  let redis: Redis;
  let t: TestApp;
  beforeAll(async () => {
    redis = createRedis(redisUrl!);
    expect(await waitForRedis(redis)).toBe(true);
    t = await buildTestApp({ redis, env: { REDIS_KEY_PREFIX: prefix } });
  });
  afterAll(async () => {
    await t.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('counts hits, misses and invalidations under store="redis", and no invalidation pending', async () => {
    const after = await readEditRead(t, 'redis');
    expect(after('swigs_public_cache_pending_invalidations')).toBe(0);
    expect(after('swigs_public_cache_hits_total', { store: 'memory' })).toBe(0);
  });
});
