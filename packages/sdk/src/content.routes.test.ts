import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../apps/api/test/build-test-app';
import { createSite, createUser } from '../../../apps/api/test/factories';
import { type ApiError, createClient, createPublicClient } from './index';

/** End to end: the editorial SDK and the public SDK over real HTTP against a listening server. */
let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

describe('SDK: courses, contents, SEO, tokens, stats, audit and the public API', () => {
  it('an editor manages a site and the public client sees each edit at once', async () => {
    const site = await createSite(t.database);
    const editor = await createUser(t.database, { siteIds: [site.id] });
    let token: string | undefined;
    const api = createClient({ baseUrl, getAccessToken: () => token });
    token = (await api.auth.login({ email: editor.user.email, password: editor.password })).accessToken;
    const visitor = createPublicClient({ baseUrl });

    const voile = await api.courses.create(site.id, { title: 'Voile', price: 120, startDate: '2025-06-01' });
    const kite = await api.courses.create(site.id, { title: 'Kite' });
    expect((await api.courses.list(site.id, { q: 'voil' })).data.map((c) => c.id)).toEqual([voile.id]);
    expect((await visitor.courses(site.slug)).map((c) => c.slug)).toEqual(['voile', 'kite']);
    await api.courses.reorder(site.id, [kite.id, voile.id]);
    expect((await visitor.courses(site.domain)).map((c) => c.slug)).toEqual(['kite', 'voile']);

    const updated = await api.courses.update(site.id, voile.id, { places: 2, version: voile.version });
    const stale = await api.courses
      .update(site.id, voile.id, { places: 1, version: voile.version })
      .catch((error: unknown) => error);
    expect((stale as ApiError).code).toBe('VERSION_CONFLICT');
    expect((stale as ApiError).problem.currentVersion).toBe(updated.version);
    expect((await visitor.course(site.slug, 'voile')).places).toBe(2);

    await api.contents.put(site.id, 'home.hero', { type: 'richtext', data: { html: '<p>Bienvenue</p>' } });
    expect((await visitor.content(site.slug, 'home.hero')).data).toEqual({ html: '<p>Bienvenue</p>' });
    expect((await visitor.contents(site.slug, { prefix: 'home.' })).map((c) => c.key)).toEqual(['home.hero']);

    const pages = await api.seo.list(site.id);
    const home = pages.data.find((p) => p.page === 'home')!;
    const saved = await api.seo.update(site.id, home.id, {
      metaTitle: 'x'.repeat(70),
      version: home.version,
    });
    expect(saved.warnings.map((w) => w.field)).toEqual(['metaTitle']);
    expect((await visitor.seo(site.slug)).pages.home!.title).toBe('x'.repeat(70));

    const before = await visitor.version(site.slug);
    await api.sites.update(site.id, { description: 'Nouvelle description' });
    expect((await visitor.version(site.slug)).version).toBeGreaterThan(before.version);
    expect((await visitor.site(site.slug)).description).toBe('Nouvelle description');

    const stats = await api.stats.get(site.id);
    expect(stats.courses.byStatus.active).toBe(2);
    expect(stats.lastChanges[0]!.entity).toBe('site');

    const created = await api.tokens.create(site.id, { name: 'Front', scope: 'read' });
    const integration = createClient({ baseUrl, getAccessToken: () => created.secret });
    expect((await integration.courses.list(site.id)).meta.total).toBe(2);
    const refused = await integration.courses
      .create(site.id, { title: 'Non' })
      .catch((error: unknown) => error);
    expect((refused as ApiError).code).toBe('TOKEN_READ_ONLY');
    expect((await api.tokens.revoke(site.id, created.token.id)).revokedAt).not.toBeNull();
    const revoked = await integration.courses.list(site.id).catch((error: unknown) => error);
    expect((revoked as ApiError).status).toBe(401);

    const missing = await visitor.courses('no-such-site').catch((error: unknown) => error);
    expect((missing as ApiError).code).toBe('SITE_NOT_FOUND');
  });

  it('administrators read the audit trail', async () => {
    const site = await createSite(t.database);
    const admin = await createUser(t.database, { role: 'admin' });
    let token: string | undefined;
    const api = createClient({ baseUrl, getAccessToken: () => token });
    token = (await api.auth.login({ email: admin.user.email, password: admin.password })).accessToken;
    await api.courses.create(site.id, { title: 'Audit' });
    const trail = await api.audit.listBySite(site.id, { entity: 'course' });
    expect(trail.data.map((e) => e.summary)).toEqual(['Created course "Audit"']);
    expect((await api.audit.list({ siteId: site.id })).meta.total).toBeGreaterThanOrEqual(2);
  });
});
