import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import * as Sentry from '@sentry/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../test/build-test-app';
import { createTestDatabase } from '../../test/test-database';
import { buildApp } from '../app';
import type { DatabaseHandle } from '../db/client';
import { createErrorReporter } from './error-reporting';

interface Envelope {
  path: string;
  items: Record<string, unknown>[];
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return (request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
}

describe('error reporting to Sentry', () => {
  const received: Envelope[] = [];
  // A local HTTP listener stands in for sentry.io: the DSN points at it.
  const listener = createServer(async (request, response) => {
    const body = await bodyOf(request);
    received.push({
      path: request.url ?? '',
      items: body
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  let database: DatabaseHandle;

  beforeAll(async () => {
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    database = await createTestDatabase();
  });
  afterAll(async () => {
    // Sentry's client is process-wide: leave none behind for the next test file of this worker.
    await Sentry.close(2000);
    listener.close();
    await database.close();
  });

  it('sends an unexpected server error, with its request id, to the DSN; expected 4xx stay out', async () => {
    const port = (listener.address() as AddressInfo).port;
    const reporter = await createErrorReporter(
      { dsn: `http://0123456789abcdef@127.0.0.1:${port}/42`, environment: 'test' },
      '9.9.9',
    );
    const app = await buildApp(testConfig(), { database, errorReporter: reporter });

    const badInput = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x' } });
    expect(badInput.statusCode).toBe(400);
    // A real fault: the users table is gone (this test file's own database).
    await database.query('drop table users cascade');
    const failed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'someone@example.ch', password: 'a-password' },
    });
    expect(failed.statusCode).toBe(500);
    expect(await reporter.flush(5000)).toBe(true);
    await app.close();

    const events = received.flatMap((envelope) => {
      expect(envelope.path.split('?')[0]).toBe('/api/42/envelope/');
      return envelope.items.filter((item) => 'exception' in item);
    }) as {
      exception: { values: { value: string }[] };
      tags: Record<string, string>;
      release: string;
      environment: string;
    }[];
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.exception.values.at(-1)?.value).toMatch(/users/);
    expect(event?.tags).toMatchObject({
      request_id: failed.headers['x-request-id'],
      route: '/api/v1/auth/login',
      method: 'POST',
    });
    expect(event).toMatchObject({ release: 'swigs-cms@9.9.9', environment: 'test' });
  });
});
