import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createSite, type LoggedIn, loggedInUser } from '../../../test/factories';
import { createTestDatabase } from '../../../test/test-database';
import type { DatabaseHandle } from '../../db/client';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One request over a real socket (the fast path sits in front of Fastify: inject would skip it). */
function send(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const received: Record<string, string> = {};
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          const name = response.rawHeaders[i]!.toLowerCase();
          received[name] = received[name]
            ? `${received[name]}, ${response.rawHeaders[i + 1]}`
            : response.rawHeaders[i + 1]!;
        }
        resolve({ status: response.statusCode!, headers: received, body: Buffer.concat(chunks) });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What may differ between two answers to the same request: the date, a generated request id (in
 * the header, and in a problem's body).
 */
function comparable(answer: Answer, sentRequestId: string | undefined) {
  const { date, 'x-request-id': requestId, ...headers } = answer.headers;
  expect(date).toBeTruthy();
  if (sentRequestId) expect(requestId).toBe(sentRequestId);
  else expect(requestId).toMatch(uuid);
  let body = answer.body.toString();
  if (headers['content-type']?.startsWith('application/problem+json')) {
    const problem = JSON.parse(body);
    expect(problem.requestId).toBe(requestId);
    body = JSON.stringify({ ...problem, requestId: 'same' });
  }
  return { status: answer.status, headers, body };
}

function counterValue(app: TestApp, name: string): Promise<number> {
  const metric = app.app.metrics.registry.getSingleMetric(name);
  if (!metric) return Promise.resolve(0);
  return Promise.resolve(metric.get()).then((data) => data.values.reduce((sum, v) => sum + v.value, 0));
}

async function durationCount(app: TestApp, route: string, status: string): Promise<number> {
  const data = await app.app.metrics.registry.getSingleMetric('swigs_http_request_duration_seconds')!.get();
  return (
    data.values.find(
      (v) =>
        (v as { metricName?: string }).metricName === 'swigs_http_request_duration_seconds_count' &&
        v.labels.route === route &&
        v.labels.status_code === status,
    )?.value ?? 0
  );
}

async function listen(app: TestApp): Promise<number> {
  await app.app.listen({ host: '127.0.0.1', port: 0 });
  return (app.app.server.address() as AddressInfo).port;
}

/**
 * Instance `fast` answers cached public reads before Fastify; instance `reference` (same database,
 * same configuration) has the fast path off. Every request goes to both, one after the other, and
 * the answers must be the same: status, every header, every byte.
 */
describe.each([
  { name: 'defaults', env: {} },
  {
    name: 'a rate limit, CORS origins and a trusted proxy',
    env: { RATE_LIMIT_MAX: '1000', CORS_ORIGINS: 'https://admin.example.ch', TRUST_PROXY: '1' },
  },
  { name: 'CORS_ORIGINS=* and a max-age', env: { CORS_ORIGINS: '*', PUBLIC_MAX_AGE_SECONDS: '30' } },
] as { name: string; env: Record<string, string> }[])('public fast path, with $name', ({ env }) => {
  let database: DatabaseHandle;
  let fast: TestApp;
  let reference: TestApp;
  /** Where the test logs in and writes, so that both instances count the same requests. */
  let setup: TestApp;
  let ports: { fast: number; reference: number };
  let admin: LoggedIn;
  let site: Awaited<ReturnType<typeof createSite>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    fast = await buildTestApp({ database, env });
    reference = await buildTestApp({ database, env, publicFastPath: false });
    setup = await buildTestApp({ database, env });
    ports = { fast: await listen(fast), reference: await listen(reference) };
    admin = await loggedInUser(setup.app, database, { role: 'admin' });
    site = await createSite(database);
    const course = await setup.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/courses`,
      headers: admin.headers,
      payload: { title: 'Voile niveau 1', price: 450, places: 8 },
    });
    expect(course.statusCode, course.body).toBe(201);
    const content = await setup.app.inject({
      method: 'PUT',
      url: `/api/v1/sites/${site.id}/contents/home.hero`,
      headers: admin.headers,
      payload: { type: 'text', data: { text: 'Bienvenue' } },
    });
    expect(content.statusCode, content.body).toBe(201);
  });
  afterAll(async () => {
    await fast.close();
    await reference.close();
    await setup.close();
    await database.close();
  });

  /** Sends the same request to both instances and expects the same answer; returns the fast one. */
  async function both(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
    const fromFast = await send(ports.fast, path, headers, method, body);
    const fromReference = await send(ports.reference, path, headers, method, body);
    const sentId = headers['x-request-id'];
    expect(comparable(fromFast, sentId), `${method} ${path} ${JSON.stringify(headers)}`).toEqual(
      comparable(fromReference, sentId),
    );
    return fromFast;
  }

  const paths = () => {
    const base = `/api/v1/public/sites/${site.slug}`;
    return [
      base,
      `${base}/courses`,
      `${base}/courses/voile-niveau-1`,
      `${base}/contents`,
      `${base}/contents/home.hero`,
      `${base}/seo.json`,
      `${base}/version`,
      // The site named by its domain, in capitals and with a port, as a Host header would.
      `/api/v1/public/sites/${site.domain.toUpperCase()}:8080/courses`,
    ];
  };

  it('answers every public read like Fastify does, from the first (a miss) to the cached ones', async () => {
    const served = await counterValue(fast, 'swigs_public_fast_answers_total');
    for (const path of paths()) {
      const first = await both(path);
      expect(first.status, path).toBe(200);
      const again = await both(path);
      expect(again.body.equals(first.body)).toBe(true);
      await both(path, { 'x-request-id': 'edge-42.abc' });
      await both(path, { 'if-none-match': first.headers.etag! });
      await both(path, { 'if-none-match': `"stale", W/${first.headers.etag}` });
      await both(path, { 'if-none-match': '"stale"' });
      await both(path, { 'x-forwarded-for': '203.0.113.9' });
    }
    // Every request after each path's first was a cache hit answered by the fast path.
    expect((await counterValue(fast, 'swigs_public_fast_answers_total')) - served).toBe(paths().length * 6);
    expect(await counterValue(fast, 'swigs_public_cache_hits_total')).toBe(
      await counterValue(reference, 'swigs_public_cache_hits_total'),
    );
    const route = '/api/v1/public/sites/:site/courses';
    for (const status of ['200', '304']) {
      expect(await durationCount(fast, route, status)).toBe(await durationCount(reference, route, status));
    }
    expect(await durationCount(fast, route, '304')).toBeGreaterThan(0);
  });

  it('leaves to Fastify what is not a plain cached GET, with the same answers', async () => {
    const base = `/api/v1/public/sites/${site.slug}`;
    await both(`${base}/courses`);
    const served = await counterValue(fast, 'swigs_public_fast_answers_total');
    await both(`${base}/courses`, {}, 'HEAD');
    await both(`${base}/courses`, { origin: `https://${site.domain}` });
    await both(`${base}/courses`, { origin: 'https://elsewhere.example.com' });
    await both(`${base}/courses/`);
    await both(`${base}/courses`, { 'content-type': 'application/json', 'content-length': '2' }, 'GET', '{}');
    await both(`${base}/courses?x=1`);
    await both(`${base}/contents?prefix=home.`);
    await both(`${base}/contents/home%2Ehero`);
    await both(`/api/public/sites/${site.slug}/courses`);
    expect((await both(`${base}/courses/inconnu`)).status).toBe(404);
    expect((await both(`/api/v1/public/sites/site-inconnu/courses`)).status).toBe(404);
    expect((await both(`${base}/contents/Home.Hero`)).status).toBe(400);
    // Longer than the router's parameters (100 characters): 404, though the site key without its
    // port is a cached site.
    expect((await both(`/api/v1/public/sites/${site.slug}:${'9'.repeat(120)}/courses`)).status).toBe(404);
    expect((await both(`${base}/courses/${'a'.repeat(101)}`)).status).toBe(404);
    expect(await counterValue(fast, 'swigs_public_fast_answers_total')).toBe(served);
  });

  it('never answers from before an edit', async () => {
    const path = `/api/v1/public/sites/${site.slug}/courses`;
    await send(ports.fast, path);
    const before = await send(ports.fast, path);
    const list = await setup.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/courses`,
      headers: admin.headers,
    });
    const course = json<{ data: { id: string; version: number }[] }>(list).data[0]!;
    const edited = await fast.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}/courses/${course.id}`,
      headers: admin.headers,
      payload: { title: 'Voile niveau 2', version: course.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const served = await counterValue(fast, 'swigs_public_fast_answers_total');
    const after = await send(ports.fast, path);
    expect(JSON.parse(after.body.toString()).data[0].title).toBe('Voile niveau 2');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(Number(after.headers['x-content-version'])).toBeGreaterThan(
      Number(before.headers['x-content-version']),
    );
    // The first read after the edit came from the database; the next ones are fast hits again.
    expect(await counterValue(fast, 'swigs_public_fast_answers_total')).toBe(served);
    const stale = await send(ports.fast, path, { 'if-none-match': before.headers.etag! });
    expect(stale.status).toBe(200);
    expect(stale.body.equals(after.body)).toBe(true);
    expect(await counterValue(fast, 'swigs_public_fast_answers_total')).toBe(served + 1);
  });

  it('lets Fastify answer while the instance drains', async () => {
    const path = `/api/v1/public/sites/${site.slug}/courses`;
    expect((await send(ports.fast, path)).status).toBe(200);
    const served = await counterValue(fast, 'swigs_public_fast_answers_total');
    fast.app.lifecycle.startDraining();
    reference.app.lifecycle.startDraining();
    const draining = await both(path);
    expect(draining.status).toBe(503);
    expect(draining.headers.connection).toBe('close');
    expect(await counterValue(fast, 'swigs_public_fast_answers_total')).toBe(served);
  });
});

describe('public fast path and the global rate limit', () => {
  let database: DatabaseHandle;
  let fast: TestApp;
  let reference: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { RATE_LIMIT_MAX: '4', RATE_LIMIT_ALLOW: '192.0.2.1', TRUST_PROXY: 'true' };
    fast = await buildTestApp({ database, env });
    reference = await buildTestApp({ database, env, publicFastPath: false });
  });
  afterAll(async () => {
    await fast.close();
    await reference.close();
    await database.close();
  });

  it('counts hits in the same budget as Fastify, refuses past it the same way, spares allowed addresses', async () => {
    const site = await createSite(database);
    const path = `/api/v1/public/sites/${site.slug}/courses`;
    const ports = { fast: await listen(fast), reference: await listen(reference) };
    const run = async (port: number, headers: Record<string, string>) => {
      const answers: { status: number; remaining?: string; reset?: string; retryAfter?: string }[] = [];
      for (let i = 0; i < 6; i++) {
        const answer = await send(port, path, headers);
        answers.push({
          status: answer.status,
          remaining: answer.headers['ratelimit-remaining'],
          retryAfter: answer.headers['retry-after'],
        });
      }
      return answers;
    };
    const visitor = { 'x-forwarded-for': '203.0.113.77' };
    const fromFast = await run(ports.fast, visitor);
    expect(fromFast.map((a) => a.status)).toEqual([200, 200, 200, 200, 429, 429]);
    expect(fromFast.map((a) => a.remaining)).toEqual(['3', '2', '1', '0', '0', '0']);
    expect(fromFast).toEqual(await run(ports.reference, visitor));
    // IPv6 visitors count per /64, like the plugin counts them.
    const household = await run(ports.fast, { 'x-forwarded-for': '2001:db8:0:1::10' });
    expect(household.map((a) => a.status)).toEqual([200, 200, 200, 200, 429, 429]);
    expect(household).toEqual(await run(ports.reference, { 'x-forwarded-for': '2001:db8:0:1::10' }));
    expect((await send(ports.fast, path, { 'x-forwarded-for': '2001:db8:0:1::99' })).status).toBe(429);
    expect((await send(ports.fast, path, { 'x-forwarded-for': '2001:db8:0:2::10' })).status).toBe(200);
    // Another visitor has a budget of their own; an allowed address is never counted nor told.
    expect((await send(ports.fast, path, { 'x-forwarded-for': '203.0.113.78' })).status).toBe(200);
    const allowed = await run(ports.fast, { 'x-forwarded-for': '192.0.2.1' });
    expect(allowed.every((a) => a.status === 200 && a.remaining === undefined)).toBe(true);
    expect(allowed).toEqual(await run(ports.reference, { 'x-forwarded-for': '192.0.2.1' }));
  });
});
