import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createUser, loggedInUser, login } from '../../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '50' } });
});
afterAll(() => t.close());

function refreshCookieOf(response: { cookies: { name: string; value: string }[] }) {
  return response.cookies.find((c) => c.name === 'swigs_refresh');
}

describe('POST /api/v1/auth/login', () => {
  it('returns an access token, the user, and a refresh token in an httpOnly cookie', async () => {
    const editor = await createUser(t.database, { role: 'editor' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: editor.user.email.toUpperCase(), password: editor.password },
    });
    expect(response.statusCode).toBe(200);
    const body = json<{ data: { accessToken: string; expiresIn: number; user: Record<string, unknown> } }>(
      response,
    );
    expect(body.data.accessToken.split('.')).toHaveLength(3);
    expect(body.data.expiresIn).toBe(900);
    expect(body.data.user).toMatchObject({
      id: editor.user.id,
      email: editor.user.email,
      role: 'editor',
      siteIds: [],
    });
    expect(body.data.user).not.toHaveProperty('passwordHash');
    expect(response.body).not.toContain('$2b$');
    const cookie = response.cookies.find((c) => c.name === 'swigs_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const editor = await createUser(t.database);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: editor.user.email, password: 'not-the-password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.ch', password: 'whatever-it-is' },
    });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(json(response)).toMatchObject({
        status: 401,
        code: 'INVALID_CREDENTIALS',
        detail: 'Email or password is not correct.',
      });
    }
  });

  it('refuses a disabled account', async () => {
    const disabled = await createUser(t.database, { active: false });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: disabled.user.email, password: disabled.password },
    });
    expect(response.statusCode).toBe(403);
    expect(json(response).code).toBe('ACCOUNT_DISABLED');
  });

  it('throttles an account after repeated failures, even with the right password, with Retry-After', async () => {
    const editor = await createUser(t.database);
    for (let i = 0; i < 3; i++) {
      const failed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: editor.user.email, password: `wrong-password-${i}` },
      });
      expect(failed.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: editor.user.email, password: editor.password },
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(json(blocked)).toMatchObject({ code: 'RATE_LIMITED' });
    // Another account from the same address is not affected by this account's lock.
    const other = await createUser(t.database);
    expect((await login(t.app, other)).token).toBeTruthy();
  });

  it('validates the body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'not-an-email', password: '' },
    });
    expect(response.statusCode).toBe(400);
    const body = json<{ code: string; errors: { field: string }[] }>(response);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.field).sort()).toEqual(['email', 'password']);
  });
});

describe('login throttling per IP address', () => {
  it('refuses further attempts from one address after too many failures across accounts', async () => {
    const local = await buildTestApp({
      env: { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '100', LOGIN_MAX_ATTEMPTS_PER_IP: '4' },
      database: t.database,
    });
    try {
      for (let i = 0; i < 4; i++) {
        const failed = await local.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '203.0.113.9',
          payload: { email: `nobody-${i}@example.ch`, password: 'wrong-password' },
        });
        expect(failed.statusCode).toBe(401);
      }
      const editor = await createUser(t.database);
      const blocked = await local.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.9',
        payload: { email: editor.user.email, password: editor.password },
      });
      expect(blocked.statusCode).toBe(429);
      const elsewhere = await local.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.10',
        payload: { email: editor.user.email, password: editor.password },
      });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await local.close();
    }
  });
});

describe('GET /api/v1/auth/me', () => {
  it('returns the logged-in user and refuses anonymous or forged tokens', async () => {
    const editor = await loggedInUser(t.app, t.database);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers });
    expect(me.statusCode).toBe(200);
    expect(json<{ data: { id: string } }>(me).data.id).toBe(editor.user.id);

    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(json(anonymous).code).toBe('UNAUTHENTICATED');

    const [header, payload] = editor.token.split('.');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${header}.${payload}.AAAA` },
    });
    expect(forged.statusCode).toBe(401);
    expect(json(forged).code).toBe('INVALID_TOKEN');
  });

  it('refuses a token signed with another secret', async () => {
    const other = await buildTestApp({
      env: { JWT_SECRET: 'another-secret-of-at-least-32-characters!!' },
      database: t.database,
    });
    try {
      const editor = await loggedInUser(other.app, t.database);
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers });
      expect(response.statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('refresh and logout', () => {
  it('rotates the refresh token; the old one no longer works', async () => {
    const editor = await loggedInUser(t.app, t.database);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { swigs_refresh: editor.refreshToken },
    });
    expect(first.statusCode).toBe(200);
    const rotated = refreshCookieOf(first)?.value;
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(editor.refreshToken);
    const newToken = json<{ data: { accessToken: string } }>(first).data.accessToken;
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${newToken}` },
    });
    expect(me.statusCode).toBe(200);

    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { swigs_refresh: editor.refreshToken },
    });
    expect(replay.statusCode).toBe(401);
    expect(json(replay).code).toBe('INVALID_REFRESH_TOKEN');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { swigs_refresh: rotated! },
    });
    expect(again.statusCode).toBe(200);
  });

  it('revokes the whole session when a rotated-away token is replayed after the grace period', async () => {
    const editor = await loggedInUser(t.app, t.database);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { swigs_refresh: editor.refreshToken },
    });
    const current = refreshCookieOf(first)!.value;
    // Pretend the rotation happened a minute ago.
    await t.database.query(
      `update sessions set last_used_at = now() - interval '1 minute' where user_id = $1`,
      [editor.user.id],
    );
    const stolen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { swigs_refresh: editor.refreshToken },
    });
    expect(stolen.statusCode).toBe(401);
    const legit = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { swigs_refresh: current },
    });
    expect(legit.statusCode).toBe(401);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers });
    expect(me.statusCode).toBe(401);
  });

  it('refuses a refresh without a cookie', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh' });
    expect(response.statusCode).toBe(401);
  });

  it('logout ends the session: the access token and refresh cookie stop working', async () => {
    const editor = await loggedInUser(t.app, t.database);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: editor.headers,
      cookies: { swigs_refresh: editor.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    expect(refreshCookieOf(out)?.value).toBe('');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers });
    expect(me.statusCode).toBe(401);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { swigs_refresh: editor.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('answers under the /api alias too', async () => {
    const editor = await loggedInUser(t.app, t.database);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: editor.headers });
    expect(me.statusCode).toBe(200);
    expect(json<{ data: { id: string } }>(me).data.id).toBe(editor.user.id);
  });
});
