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
