import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../test/build-test-app';
import { createTestDatabase } from '../test/test-database';
import { buildApp } from './app';
import type { DatabaseHandle } from './db/client';
import { closeGracefully } from './shutdown';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real listening server with one slow route, as a deploy would find it mid-request. */
async function listeningApp(database: DatabaseHandle): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp(testConfig(), { database });
  app.get('/slow', async (request) => {
    const { ms } = request.query as { ms: string };
    await sleep(Number(ms));
    return { done: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

describe('graceful shutdown', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('turns readiness to 503 first, keeps serving while draining, then finishes requests in flight', async () => {
    const { app, base } = await listeningApp(database);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const inFlight = fetch(`${base}/slow?ms=800`);
    await sleep(100);
    const closing = closeGracefully(app, { drainSeconds: 0.4, timeoutSeconds: 5 });

    // Draining: still listening, but out of rotation, and asking clients to reconnect elsewhere.
    const readiness = await fetch(`${base}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ status: 'draining' });
    const served = await fetch(`${base}/healthz`);
    expect(served.status).toBe(200);
    expect(served.headers.get('connection')).toBe('close');
    // Reads are sent back for the proxy to retry elsewhere; writes are still served.
    const read = await fetch(`${base}/api/v1/openapi.json`);
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('1');
    expect(await read.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const write = await fetch(`${base}/api/v1/auth/logout`, { method: 'POST' });
    expect(write.status).toBe(204);

    // Once the listener is closed, new connections are refused while the slow request completes.
    await sleep(500);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    const slow = await inFlight;
    expect(slow.status).toBe(200);
    expect(await slow.json()).toEqual({ done: true });
    expect(await closing).toBe(true);
  });

  it('cuts requests that outlast the timeout instead of hanging forever', async () => {
    const { app, base } = await listeningApp(database);
    const stuck = fetch(`${base}/slow?ms=30000`).then(
      () => 'answered',
      () => 'cut',
    );
    await sleep(100);
    const started = Date.now();
    expect(await closeGracefully(app, { drainSeconds: 0, timeoutSeconds: 0.5 })).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await stuck).toBe('cut');
  });
});
