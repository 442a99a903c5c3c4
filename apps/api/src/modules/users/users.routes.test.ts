import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, countRows, json, type TestApp } from '../../../test/build-test-app';
import { createSite, createUser, type LoggedIn, loggedInUser, login } from '../../../test/factories';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

describe('admins manage users', () => {
  it('creates an editor assigned to sites, lists and gets them', async () => {
    const site = await createSite(t.database);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'Claire.Morel@Example.ch',
        password: 'un-mot-de-passe',
        name: 'Claire Morel',
        role: 'editor',
        siteIds: [site.id],
      },
    });
    expect(created.statusCode).toBe(201);
    const user = json<{ data: Record<string, unknown> & { id: string } }>(created).data;
    expect(user).toMatchObject({
      email: 'claire.morel@example.ch',
      name: 'Claire Morel',
      role: 'editor',
      siteIds: [site.id],
      active: true,
      version: 1,
    });
    expect(created.body).not.toMatch(/password/i);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users?q=morel', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    const page = json<{ data: { id: string }[]; meta: { total: number; page: number; pageSize: number } }>(
      list,
    );
    expect(page.data.map((u) => u.id)).toEqual([user.id]);
    expect(page.meta).toEqual({ total: 1, page: 1, pageSize: 50 });

    const bySite = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?siteId=${site.id}`,
      headers: admin.headers,
    });
    expect(json<{ data: { id: string }[] }>(bySite).data.map((u) => u.id)).toEqual([user.id]);

    const fetched = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
    });
    expect(json<{ data: unknown }>(fetched).data).toEqual(user);
  });

  it.each([
    ['a bad email', { email: 'pas-un-email', password: 'un-mot-de-passe', name: 'X' }, 'email'],
    ['a short password', { email: 'short@example.ch', password: 'court', name: 'X' }, 'password'],
    [
      'the email as password',
      { email: 'same@example.ch', password: 'same@example.ch', name: 'X' },
      'password',
    ],
    [
      'an unknown role',
      { email: 'role@example.ch', password: 'un-mot-de-passe', name: 'X', role: 'superuser' },
      'role',
    ],
    [
      'an unknown site',
      {
        email: 'site@example.ch',
        password: 'un-mot-de-passe',
        name: 'X',
        siteIds: ['00000000-0000-4000-8000-000000000000'],
      },
      'siteIds',
    ],
  ])('refuses %s with a field error and creates nothing', async (_label, payload, field) => {
    const before = await countRows(t.database, 'users');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = json<{ code: string; errors: { field: string }[] }>(response);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.field)).toContain(field);
    expect(await countRows(t.database, 'users')).toBe(before);
  });

  it('refuses a duplicate email with 409 EMAIL_TAKEN', async () => {
    const existing = await createUser(t.database);
    const before = await countRows(t.database, 'users');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: existing.user.email.toUpperCase(), password: 'un-mot-de-passe', name: 'Dup' },
    });
    expect(response.statusCode).toBe(409);
    expect(json(response)).toMatchObject({ code: 'EMAIL_TAKEN', errors: [{ field: 'email' }] });
    expect(await countRows(t.database, 'users')).toBe(before);
  });

  it('changes role, sites and active flag; deactivating ends the sessions at once', async () => {
    const site = await createSite(t.database);
    const editor = await loggedInUser(t.app, t.database);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${editor.user.id}`,
      headers: admin.headers,
      payload: { siteIds: [site.id], active: false, version: 1 },
    });
    expect(response.statusCode).toBe(200);
    expect(json<{ data: unknown }>(response).data).toMatchObject({
      siteIds: [site.id],
      active: false,
      version: 2,
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers });
    expect(me.statusCode).toBe(401);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { swigs_refresh: editor.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('an admin resetting a password ends that user’s sessions; the new password works', async () => {
    const editor = await loggedInUser(t.app, t.database);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${editor.user.id}`,
      headers: admin.headers,
      payload: { password: 'nouveau-mot-de-passe' },
    });
    expect(response.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers })).statusCode,
    ).toBe(401);
    const again = await login(t.app, { user: editor.user, password: 'nouveau-mot-de-passe' });
    expect(again.token).toBeTruthy();
  });

  it('refuses a stale version with 409 and the current version, changing nothing', async () => {
    const editor = await createUser(t.database);
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${editor.user.id}`,
      headers: admin.headers,
      payload: { name: 'Première', version: 1 },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${editor.user.id}`,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { name: 'Seconde' },
    });
    expect(stale.statusCode).toBe(409);
    expect(json(stale)).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const current = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${editor.user.id}`,
      headers: admin.headers,
    });
    expect(json<{ data: { name: string } }>(current).data.name).toBe('Première');
  });

  it('deletes a user; a deleted user is 404', async () => {
    const editor = await createUser(t.database);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${editor.user.id}`,
      headers: admin.headers,
    });
    expect(deleted.statusCode).toBe(204);
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${editor.user.id}`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(404);
    expect(json(again).code).toBe('USER_NOT_FOUND');
  });
});

describe('the last active admin', () => {
  it('cannot be deleted, demoted or deactivated', async () => {
    // A database of its own, so that this admin really is the only one.
    const local = await buildTestApp();
    try {
      const only = await loggedInUser(local.app, local.database, { role: 'admin' });
      const url = `/api/v1/users/${only.user.id}`;
      for (const [method, payload] of [
        ['DELETE', undefined],
        ['PATCH', { role: 'editor' }],
        ['PATCH', { active: false }],
      ] as const) {
        const response = await local.app.inject({
          method,
          url,
          headers: only.headers,
          ...(payload ? { payload } : {}),
        });
        expect(response.statusCode).toBe(409);
        expect(json(response).code).toBe('LAST_ADMIN');
      }
      const second = await createUser(local.database, { role: 'admin' });
      const demoted = await local.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${second.user.id}`,
        headers: only.headers,
        payload: { role: 'editor' },
      });
      expect(demoted.statusCode).toBe(200);
      const promoted = await local.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${second.user.id}`,
        headers: only.headers,
        payload: { role: 'admin' },
      });
      expect(promoted.statusCode).toBe(200);
      const nowDeletable = await local.app.inject({ method: 'DELETE', url, headers: only.headers });
      expect(nowDeletable.statusCode).toBe(204);
    } finally {
      await local.close();
    }
  });
});

describe('editors and their own profile (canModifyUser)', () => {
  it('edits own name and email', async () => {
    const editor = await loggedInUser(t.app, t.database);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${editor.user.id}`,
      headers: editor.headers,
      payload: { name: 'Nouveau Nom', email: `renamed-${editor.user.id}@example.ch` },
    });
    expect(response.statusCode).toBe(200);
    expect(json(response).data).toMatchObject({
      name: 'Nouveau Nom',
      email: `renamed-${editor.user.id}@example.ch`,
    });
  });

  it('changes own password only with the current one, which ends the sessions', async () => {
    const editor = await loggedInUser(t.app, t.database);
    const url = `/api/v1/users/${editor.user.id}`;
    const missing = await t.app.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: { password: 'nouveau-secret-123' },
    });
    expect(missing.statusCode).toBe(403);
    expect(json(missing)).toMatchObject({ code: 'WRONG_PASSWORD', errors: [{ field: 'currentPassword' }] });
    const wrong = await t.app.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: { password: 'nouveau-secret-123', currentPassword: 'faux-faux-faux' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: { password: 'nouveau-secret-123', currentPassword: editor.password },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers })).statusCode,
    ).toBe(401);
    expect((await login(t.app, { user: editor.user, password: 'nouveau-secret-123' })).token).toBeTruthy();
  });

  it('cannot change own role, sites or active flag, but may send them back unchanged', async () => {
    const site = await createSite(t.database);
    const editor = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
    const url = `/api/v1/users/${editor.user.id}`;
    for (const payload of [{ role: 'admin' }, { siteIds: [] }, { active: false }]) {
      const response = await t.app.inject({ method: 'PATCH', url, headers: editor.headers, payload });
      expect(response.statusCode).toBe(403);
      expect(json(response).code).toBe('FIELD_FORBIDDEN');
    }
    const unchanged = await t.app.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: { role: 'editor', siteIds: [site.id], active: true, name: 'Même' },
    });
    expect(unchanged.statusCode).toBe(200);
    expect(json(unchanged).data).toMatchObject({ role: 'editor', siteIds: [site.id], name: 'Même' });
  });

  it('cannot see or change another user', async () => {
    const editor = await loggedInUser(t.app, t.database);
    const other = await createUser(t.database);
    const get = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${other.user.id}`,
      headers: editor.headers,
    });
    expect(get.statusCode).toBe(403);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${other.user.id}`,
      headers: editor.headers,
      payload: { name: 'Hack' },
    });
    expect(patch.statusCode).toBe(403);
  });
});
