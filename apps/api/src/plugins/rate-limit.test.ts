import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { optionalService } from '../../test/services';
import { createRedis, waitForRedis } from '../lib/redis';
import { errors } from './errors';
import { type RateLimitPluginOptions, rateLimits } from './rate-limit';

const off = { max: 0, windowSeconds: 60 };

/** A bare app with the error handler, the rate limits and three routes: global, strict, unlimited. */
async function appWith(options: Partial<RateLimitPluginOptions>): Promise<FastifyInstance> {
  const app = Fastify();
  app.decorateRequest('principal', null);
  await app.register(errors, { exposeInternalErrors: false });
  await app.register(rateLimits, {
    global: off,
    login: off,
    strict: off,
    allow: [],
    shareGlobal: false,
    keyPrefix: `test-${randomBytes(4).toString('hex')}:`,
    ...options,
  });
  app.get('/anything', async () => ({ ok: true }));
  app.post('/contact', { config: { rateLimitTier: 'strict' } }, async () => ({ sent: true }));
  app.get('/healthz', { config: { rateLimit: false } }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('rate limits', () => {
  it('limits a tier route per client address with RateLimit-* headers, then answers 429 problem+json', async () => {
    const app = await appWith({ strict: { max: 2, windowSeconds: 600 } });
    const first = await app.inject({ method: 'POST', url: '/contact' });
    expect(first.statusCode).toBe(200);
    expect(first.headers).toMatchObject({ 'ratelimit-limit': '2', 'ratelimit-remaining': '1' });
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(590);
    expect((await app.inject({ method: 'POST', url: '/contact' })).statusCode).toBe(200);

    const refused = await app.inject({ method: 'POST', url: '/contact' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    const body = refused.json();
    expect(body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(body.retryAfter).toBeGreaterThan(590);
    expect(refused.headers['retry-after']).toBe(String(body.retryAfter));

    // Another address has its own budget; routes outside the tier are not limited.
    const elsewhere = await app.inject({ method: 'POST', url: '/contact', remoteAddress: '203.0.113.9' });
    expect(elsewhere.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/anything' })).statusCode).toBe(200);
    await app.close();
  });

  it('applies the global limit to every route but those that opt out, and spares allowed addresses', async () => {
    const app = await appWith({ global: { max: 3, windowSeconds: 60 }, allow: ['198.51.100.7'] });
    for (let i = 0; i < 3; i++) expect((await app.inject({ url: '/anything' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/anything' })).statusCode).toBe(429);
    for (let i = 0; i < 5; i++) expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ url: '/anything', remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
    }
    await app.close();
  });

  it('keeps serving, counting in process, when Redis is unreachable', async () => {
    const dead = createRedis('redis://127.0.0.1:1');
    const app = await appWith({ strict: { max: 1, windowSeconds: 60 }, redis: dead });
    expect((await app.inject({ method: 'POST', url: '/contact' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/contact' })).statusCode).toBe(429);
    await app.close();
    dead.disconnect();
  });
});

const redisUrl = optionalService('Redis', process.env.TEST_REDIS_URL, 'TEST_REDIS_URL');

describe.skipIf(!redisUrl)('rate limits shared through Redis', () => {
  let redis: Redis;
  afterAll(() => redis?.disconnect());

  it('counts across instances: the Nth request is refused whichever instance it reaches', async () => {
    redis = createRedis(redisUrl ?? '');
    expect(await waitForRedis(redis)).toBe(true);
    const keyPrefix = `test-${randomBytes(4).toString('hex')}:`;
    const options = { strict: { max: 3, windowSeconds: 60 }, redis, keyPrefix };
    const instances = [await appWith(options), await appWith(options)];
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await instances[i % 2]!.inject({ method: 'POST', url: '/contact' })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await redis.keys(`${keyPrefix}ratelimit:*`)).toHaveLength(1);
    await Promise.all(instances.map((app) => app.close()));
    await redis.del(...(await redis.keys(`${keyPrefix}*`)));
  });

  it('counts the global limit per instance unless told to share it', async () => {
    const keyPrefix = `test-${randomBytes(4).toString('hex')}:`;
    const global = { max: 2, windowSeconds: 60 };
    const local = [await appWith({ global, redis, keyPrefix }), await appWith({ global, redis, keyPrefix })];
    const run = async (apps: FastifyInstance[]) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await apps[i % 2]!.inject({ url: '/anything' })).statusCode);
      return statuses;
    };
    expect(await run(local)).toEqual([200, 200, 200, 200]);
    expect(await redis.keys(`${keyPrefix}*`)).toEqual([]);
    const shared = [
      await appWith({ global, redis, keyPrefix, shareGlobal: true }),
      await appWith({ global, redis, keyPrefix, shareGlobal: true }),
    ];
    expect(await run(shared)).toEqual([200, 200, 429, 429]);
    await Promise.all([...local, ...shared].map((app) => app.close()));
    await redis.del(...(await redis.keys(`${keyPrefix}*`)));
  });
});
