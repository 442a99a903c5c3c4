import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { loggedInUser, uniqueSuffix } from '../../test/factories';

describe('rate limits in the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: { RATE_LIMIT_LOGIN_MAX: '4', RATE_LIMIT_MAX: '5', LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '100' },
    });
  });
  afterAll(() => t.close());

  it('limits POST /auth/login per address on top of the failed-login throttle', async () => {
    const address = '192.0.2.44';
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: address,
        payload: { email: `nobody-${uniqueSuffix()}@example.ch`, password: 'wrong-password' },
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const refused = await attempt();
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.headers['ratelimit-limit']).toBe('4');
  });

  it('counts authenticated requests per user, not per address', async () => {
    const admin = await loggedInUser(t.app, t.database, { role: 'admin' });
    const editor = await loggedInUser(t.app, t.database);
    const me = (headers: Record<string, string>) => t.app.inject({ url: '/api/v1/auth/me', headers });
    for (let i = 0; i < 5; i++) expect((await me(admin.headers)).statusCode).toBe(200);
    expect((await me(admin.headers)).statusCode).toBe(429);
    expect((await me(editor.headers)).statusCode).toBe(200);
  });

  it('never limits health checks', async () => {
    for (let i = 0; i < 8; i++) expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });
});

describe('the strict tier on password reset and the contact form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { RATE_LIMIT_STRICT_MAX: '2' } });
  });
  afterAll(() => t.close());

  it.each([
    ['/api/v1/auth/password/forgot', { email: 'someone@example.ch' }],
    ['/api/v1/auth/password/reset', {}],
    ['/api/v1/public/sites/no-such-site/contact', {}],
  ])('POST %s: the third request of an address is refused before any work', async (url, payload) => {
    // Each route counts on its own: one address for all three cases.
    const remoteAddress = '192.0.2.99';
    const send = () => t.app.inject({ method: 'POST', url, payload, remoteAddress });
    const first = await send();
    expect(first.headers['ratelimit-limit']).toBe('2');
    expect(first.statusCode).not.toBe(429);
    expect((await send()).statusCode).not.toBe(429);
    const third = await send();
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
