import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createSite, type LoggedIn, loggedInUser } from '../../../test/factories';
import { optionalService } from '../../../test/services';
import { createTestDatabase } from '../../../test/test-database';
import type { DatabaseHandle } from '../../db/client';
import { createRedis, waitForRedis } from '../../lib/redis';

const redisUrl = optionalService('Redis', process.env.TEST_REDIS_URL, 'TEST_REDIS_URL');

/**
 * Two app instances sharing one database and one Redis, as in production behind nginx: an edit
 * through one is what the other serves next, never what it had cached before.
 */
describe.skipIf(!redisUrl)('public cache shared by two instances', () => {
  const prefix = `test-${randomBytes(4).toString('hex')}:`;
  let database: DatabaseHandle;
  let redisA: Redis;
  let redisB: Redis;
  let a: TestApp;
  let b: TestApp;
  let editor: LoggedIn;

  beforeAll(async () => {
    database = await createTestDatabase();
    redisA = createRedis(redisUrl!);
    redisB = createRedis(redisUrl!);
    expect(await waitForRedis(redisA)).toBe(true);
    expect(await waitForRedis(redisB)).toBe(true);
    const env = { REDIS_KEY_PREFIX: prefix };
    a = await buildTestApp({ database, redis: redisA, env });
    b = await buildTestApp({ database, redis: redisB, env });
    editor = await loggedInUser(a.app, database, { role: 'admin' });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    const keys = await redisA.keys(`${prefix}*`);
    if (keys.length > 0) await redisA.del(...keys);
    redisA.disconnect();
    redisB.disconnect();
    await database.close();
  });

  it('a read on B after an edit on A returns the edit, every time', async () => {
    const site = await createSite(database);
    const created = json<{ data: { id: string; version: number } }>(
      await a.app.inject({
        method: 'POST',
        url: `/api/v1/sites/${site.id}/courses`,
        headers: editor.headers,
        payload: { title: 'Titre 0' },
      }),
    ).data;
    const readOnB = async () =>
      json<{ data: { title: string }[] }>(
        await b.app.inject({ method: 'GET', url: `/api/v1/public/sites/${site.domain}/courses` }),
      ).data[0]!.title;
    expect(await readOnB()).toBe('Titre 0');
    // B's answer is in Redis now: the next edit must reach it.
    expect(await redisA.hexists(`${prefix}pub:h:${site.domain}`, 'courses')).toBe(1);
    for (let i = 1; i <= 10; i++) {
      const edit = await a.app.inject({
        method: 'PATCH',
        url: `/api/v1/sites/${site.id}/courses/${created.id}`,
        headers: editor.headers,
        payload: { title: `Titre ${i}` },
      });
      expect(edit.statusCode).toBe(200);
      expect(await readOnB()).toBe(`Titre ${i}`);
      expect(await readOnB()).toBe(`Titre ${i}`);
    }
  });

  it('contents, the profile and seo.json follow edits made on the other instance', async () => {
    const site = await createSite(database);
    const read = async (app: TestApp, suffix: string) =>
      (await app.app.inject({ method: 'GET', url: `/api/v1/public/sites/${site.slug}${suffix}` })).body;
    await b.app.inject({
      method: 'PUT',
      url: `/api/v1/sites/${site.id}/contents/home.hero`,
      headers: editor.headers,
      payload: { type: 'text', data: { text: 'Premier' } },
    });
    expect(await read(a, '/contents/home.hero')).toContain('Premier');
    expect(await read(a, '')).toContain(site.name);
    expect(await read(a, '/seo.json')).toContain(site.name);
    await b.app.inject({
      method: 'PUT',
      url: `/api/v1/sites/${site.id}/contents/home.hero`,
      headers: editor.headers,
      payload: { type: 'text', data: { text: 'Second' } },
    });
    await b.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: editor.headers,
      payload: { name: 'Renommé partout' },
    });
    expect(await read(a, '/contents/home.hero')).toContain('Second');
    expect(await read(a, '')).toContain('Renommé partout');
    expect(await read(a, '/seo.json')).toContain('Renommé partout');
  });

  it('keeps answering from the database when Redis is down, and fresh', async () => {
    const dead = createRedis('redis://127.0.0.1:1');
    const down = await buildTestApp({ database, redis: dead, env: { REDIS_KEY_PREFIX: prefix } });
    try {
      const site = await createSite(database);
      const url = `/api/v1/public/sites/${site.slug}/courses`;
      expect(json(await down.app.inject({ method: 'GET', url })).data).toEqual([]);
      const created = await down.app.inject({
        method: 'POST',
        url: `/api/v1/sites/${site.id}/courses`,
        headers: editor.headers,
        payload: { title: 'Sans Redis' },
      });
      expect(created.statusCode).toBe(201);
      const after = await down.app.inject({ method: 'GET', url });
      expect(after.statusCode).toBe(200);
      expect(json<{ data: { title: string }[] }>(after).data.map((c) => c.title)).toEqual(['Sans Redis']);
      expect(after.headers.etag).toBeDefined();
    } finally {
      await down.close();
      dead.disconnect();
    }
  });
});
