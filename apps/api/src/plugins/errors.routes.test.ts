import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, countRows, json, type TestApp } from '../../test/build-test-app';
import { type LoggedIn, loggedInUser } from '../../test/factories';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await buildTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

describe('problem+json for every failure', () => {
  it('malformed JSON → 400 INVALID_JSON, nothing created', async () => {
    const before = await countRows(t.database, 'users');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"email": "a@example.ch", "password": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(json(response)).toMatchObject({ status: 400, code: 'INVALID_JSON', title: 'Invalid json' });
    expect(await countRows(t.database, 'users')).toBe(before);
  });

  it('oversized body → 413 PAYLOAD_TOO_LARGE, nothing created', async () => {
    const before = await countRows(t.database, 'users');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'big@example.ch', password: 'un-mot-de-passe', name: 'x'.repeat(5000) },
    });
    expect(response.statusCode).toBe(413);
    expect(json(response).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countRows(t.database, 'users')).toBe(before);
  });

  it('wrong content type → 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(response.statusCode).toBe(415);
    expect(json(response).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('unknown route → 404 ROUTE_NOT_FOUND; malformed ids → 400 with the field', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown).code).toBe('ROUTE_NOT_FOUND');
    const badId = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/not-a-uuid',
      headers: admin.headers,
    });
    expect(badId.statusCode).toBe(400);
    expect(json(badId)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'params.userId' }] });
  });

  it('carries the request id: echoed when sane, generated otherwise', async () => {
    const echoed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(echoed.headers['x-request-id']).toBe('trace-123');
    expect(json(echoed).requestId).toBe('trace-123');
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a malformed If-Match is refused', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${admin.user.id}`,
      headers: { ...admin.headers, 'if-match': 'yesterday' },
      payload: { name: 'X' },
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).code).toBe('BAD_REQUEST');
  });
});

describe('health, OpenAPI and the /api alias', () => {
  it('/healthz and /readyz', async () => {
    expect(json(await t.app.inject({ method: 'GET', url: '/healthz' }))).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(json(ready)).toEqual({ status: 'ready', checks: { database: 'up', cache: 'disabled' } });
  });

  it('/readyz turns 503 when the database is gone', async () => {
    const local = await buildTestApp();
    await local.database.close();
    const ready = await local.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(json(ready)).toMatchObject({ status: 'unavailable', checks: { database: 'down' } });
    await local.app.close();
  });

  it('serves the OpenAPI document, under /api as well, and the docs page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const body = json<{ openapi: string; paths: Record<string, unknown> }>(doc);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toContain('/api/v1/sites/{siteId}');
    const alias = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(json(alias)).toEqual(body);
    const docs = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});
