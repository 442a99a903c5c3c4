import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../apps/api/test/build-test-app';
import { createSite, createUser } from '../../../apps/api/test/factories';
import { type ApiError, createClient } from './index';

/** The admin SDK moves a site: the archive as a Blob, back in as a new site (over real HTTP). */
let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

describe('SDK: site export and import', () => {
  it('downloads a site’s archive and imports it under another address', async () => {
    const site = await createSite(t.database);
    const admin = await createUser(t.database, { role: 'admin' });
    let token: string | undefined;
    const api = createClient({ baseUrl, getAccessToken: () => token });
    token = (await api.auth.login({ email: admin.user.email, password: admin.password })).accessToken;
    await api.courses.create(site.id, { title: 'Voile', price: 120 });

    const archive = await api.sites.exportArchive(site.id);
    expect(archive.size).toBeGreaterThan(100);
    // Named as the server's Content-Disposition names it.
    expect(archive.name).toMatch(new RegExp(`^${site.slug}-\\d{8}T\\d{6}Z\\.swigs-site\\.tar\\.gz$`));
    const refused = await api.sites.importArchive(archive).catch((error: unknown) => error);
    expect((refused as ApiError).code).toBe('SLUG_TAKEN');
    const report = await api.sites.importArchive(archive, {
      slug: `${site.slug}-copie`,
      domain: `copie-${site.domain}`,
    });
    expect(report.site).toMatchObject({ slug: `${site.slug}-copie`, name: site.name });
    expect(report.counts.courses).toBe(1);
    expect((await api.courses.list(report.site.id)).data.map((c) => c.title)).toEqual(['Voile']);
  });
});
