import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../apps/api/test/build-test-app';
import { createUser } from '../../../apps/api/test/factories';
import { ApiError, createClient } from './index';

/** End to end: the SDK over real HTTP against a listening server. */
let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

describe('SDK against a running server', () => {
  it('logs in, creates a site and an editor, and the editor sees only that site', async () => {
    const admin = await createUser(t.database, { role: 'admin' });
    let token: string | undefined;
    const api = createClient({ baseUrl, getAccessToken: () => token });
    const session = await api.auth.login({ email: admin.user.email, password: admin.password });
    token = session.accessToken;
    expect((await api.auth.me()).id).toBe(admin.user.id);

    const suffix = Date.now().toString(36);
    const siteA = await api.sites.create({
      name: 'Site A',
      slug: `a-${suffix}`,
      domain: `a-${suffix}.example.ch`,
    });
    await api.sites.create({ name: 'Site B', slug: `b-${suffix}`, domain: `b-${suffix}.example.ch` });
    const editor = await api.users.create({
      email: `ed-${suffix}@example.ch`,
      password: 'un-mot-de-passe',
      name: 'Éditrice',
      siteIds: [siteA.id],
    });
    const renamed = await api.sites.update(siteA.id, { name: 'Site A bis', version: siteA.version });
    expect(renamed.version).toBe(siteA.version + 1);

    let editorToken: string | undefined;
    const editorApi = createClient({ baseUrl, getAccessToken: () => editorToken });
    editorToken = (await editorApi.auth.login({ email: editor.email, password: 'un-mot-de-passe' }))
      .accessToken;
    const visible = await editorApi.sites.list();
    expect(visible.data.map((s) => s.id)).toEqual([siteA.id]);
    expect(visible.meta.total).toBe(1);

    const refused = await editorApi.users.list().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(403);
    expect((refused as ApiError).code).toBe('ADMIN_REQUIRED');

    const stale = await api.sites
      .update(siteA.id, { name: 'Trop tard', version: siteA.version })
      .catch((error: unknown) => error);
    expect((stale as ApiError).code).toBe('VERSION_CONFLICT');
    expect((stale as ApiError).problem.currentVersion).toBe(siteA.version + 1);
  });

  it('refreshes an expired access token once through onUnauthorized and replays the call', async () => {
    const admin = await createUser(t.database, { role: 'admin' });
    let token: string | undefined = 'expired.or.invalid';
    let refreshes = 0;
    const api = createClient({
      baseUrl,
      getAccessToken: () => token,
      onUnauthorized: async () => {
        refreshes += 1;
        const fresh = await createClient({ baseUrl }).auth.login({
          email: admin.user.email,
          password: admin.password,
        });
        token = fresh.accessToken;
        return true;
      },
    });
    const list = await api.sites.list();
    expect(Array.isArray(list.data)).toBe(true);
    expect(refreshes).toBe(1);
  });
});
