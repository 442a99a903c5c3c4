import type { ApiToken } from '@swigs/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createApiToken, createSite, type LoggedIn, loggedInUser } from '../../../test/factories';
import { sha256 } from '../../lib/tokens';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

describe('API tokens', () => {
  it('are shown once, stored hashed, listed without their secret', async () => {
    const site = await createSite(t.database);
    const editor = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/tokens`,
      headers: editor.headers,
      payload: { name: 'Site Next.js', scope: 'read' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const { token, secret } = json<{ data: { token: ApiToken; secret: string } }>(response).data;
    expect(secret).toMatch(/^swigs_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      name: 'Site Next.js',
      scope: 'read',
      hint: secret.slice(0, 10),
      revokedAt: null,
    });
    const { rows } = await t.database.query<{ token_hash: string }>(
      'select token_hash from api_tokens where id = $1',
      [token.id],
    );
    expect(rows[0]!.token_hash).toBe(sha256(secret));
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/tokens`,
      headers: editor.headers,
    });
    expect(list.body).not.toContain(secret);
    expect(json<{ data: ApiToken[] }>(list).data.map((tk) => tk.id)).toEqual([token.id]);
  });

  it('a read-only token reads its site, writes nothing, and reaches no other site or admin route', async () => {
    const site = await createSite(t.database);
    const other = await createSite(t.database);
    const token = await createApiToken(t.app, admin, site.id, 'read');
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: token.headers, ...(payload ? { payload } : {}) });

    expect((await call('GET', `/sites/${site.id}/courses`)).statusCode).toBe(200);
    expect((await call('GET', `/sites/${site.id}`)).statusCode).toBe(200);
    const write = await call('POST', `/sites/${site.id}/courses`, { title: 'Non' });
    expect(write.statusCode).toBe(403);
    expect(json(write).code).toBe('TOKEN_READ_ONLY');
    const elsewhere = await call('GET', `/sites/${other.id}/courses`);
    expect(elsewhere.statusCode).toBe(403);
    expect(json(elsewhere).code).toBe('SITE_ACCESS_DENIED');
    for (const url of [
      '/users',
      '/sites',
      '/auth/me',
      `/sites/${site.id}/tokens`,
      `/sites/${site.id}/audit`,
    ]) {
      const refused = await call('GET', url);
      expect(refused.statusCode, url).toBe(403);
      expect(json(refused).code, url).toBe('TOKEN_NOT_ALLOWED');
    }
    const { rows } = await t.database.query<{ last_used_at: Date | null }>(
      'select last_used_at from api_tokens where id = $1',
      [token.id],
    );
    expect(rows[0]!.last_used_at).not.toBeNull();
  });

  it('a read-write token edits its own site like an editor (not its address), never mints tokens', async () => {
    const site = await createSite(t.database);
    const token = await createApiToken(t.app, admin, site.id, 'write');
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/courses`,
      headers: token.headers,
      payload: { title: 'Depuis l’intégration' },
    });
    expect(created.statusCode).toBe(201);
    const slug = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: token.headers,
      payload: { slug: 'ailleurs' },
    });
    expect(json(slug).code).toBe('FIELD_FORBIDDEN');
    const mint = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/tokens`,
      headers: token.headers,
      payload: { name: 'x', scope: 'write' },
    });
    expect(json(mint).code).toBe('TOKEN_NOT_ALLOWED');
    const removal = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sites/${site.id}`,
      headers: token.headers,
    });
    expect(removal.statusCode).toBe(403);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/audit?entity=course`,
      headers: admin.headers,
    });
    expect(json(audit).data).toMatchObject([
      {
        actor: { type: 'token', id: token.id, name: 'Jeton write' },
        summary: 'Created course "Depuis l’intégration"',
      },
    ]);
  });

  it('stops working once revoked or expired; unknown tokens get 401', async () => {
    const site = await createSite(t.database);
    const token = await createApiToken(t.app, admin, site.id, 'read');
    const url = `/api/v1/sites/${site.id}/courses`;
    expect((await t.app.inject({ method: 'GET', url, headers: token.headers })).statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sites/${site.id}/tokens/${token.id}`,
      headers: admin.headers,
    });
    expect(json<{ data: ApiToken }>(revoked).data.revokedAt).not.toBeNull();
    const after = await t.app.inject({ method: 'GET', url, headers: token.headers });
    expect(after.statusCode).toBe(401);
    expect(json(after).code).toBe('INVALID_TOKEN');

    const expiring = await createApiToken(t.app, admin, site.id, 'read');
    await t.database.query(`update api_tokens set expires_at = now() - interval '1 second' where id = $1`, [
      expiring.id,
    ]);
    expect((await t.app.inject({ method: 'GET', url, headers: expiring.headers })).statusCode).toBe(401);
    const forged = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: 'Bearer swigs_forged' },
    });
    expect(forged.statusCode).toBe(401);
    const past = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/tokens`,
      headers: admin.headers,
      payload: { name: 'x', expiresAt: '2001-01-01T00:00:00Z' },
    });
    expect(json(past)).toMatchObject({ errors: [{ field: 'expiresAt' }] });
  });
});
