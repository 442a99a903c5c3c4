import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createSite, type LoggedIn, loggedInUser, uniqueSuffix } from '../../../test/factories';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

async function countSites() {
  const { rows } = await t.database.query<{ n: number }>('select count(*)::int as n from sites');
  return rows[0]!.n;
}

describe('sites', () => {
  it('an admin creates two sites and an editor of one sees only that one', async () => {
    const suffix = uniqueSuffix();
    const created = [];
    for (const name of ['École du Lac', 'Speed-L']) {
      const slug = `${name.toLowerCase().replace(/[^a-z]+/g, '-')}-${suffix}`.replace(/^-/, '');
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/sites',
        headers: admin.headers,
        payload: { name, slug, domain: `${slug}.example.ch`, aliases: [`www.${slug}.example.ch`] },
      });
      expect(response.statusCode).toBe(201);
      created.push(
        json<{ data: { id: string; domain: string; aliases: string[]; locale: string; timeZone: string } }>(
          response,
        ).data,
      );
    }
    const [siteA, siteB] = created as [(typeof created)[0], (typeof created)[0]];
    expect(siteA).toMatchObject({ locale: 'fr-CH', timeZone: 'Europe/Zurich' });
    expect(siteA.aliases).toEqual([`www.${siteA.domain}`]);

    const editor = await loggedInUser(t.app, t.database, { siteIds: [siteA.id] });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/sites', headers: editor.headers });
    expect(json<{ data: { id: string }[] }>(list).data.map((s) => s.id)).toEqual([siteA.id]);

    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/sites/${siteA.id}`, headers: editor.headers }))
        .statusCode,
    ).toBe(200);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${siteB.id}`,
      headers: editor.headers,
    });
    expect(other.statusCode).toBe(403);
    expect(json(other).code).toBe('SITE_ACCESS_DENIED');
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/sites/${siteA.id}`, headers: editor.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: editor.headers })).statusCode,
    ).toBe(403);

    const adminList = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites?q=${suffix}`,
      headers: admin.headers,
    });
    expect(
      json<{ data: { id: string }[] }>(adminList)
        .data.map((s) => s.id)
        .sort(),
    ).toEqual([siteA.id, siteB.id].sort());
  });

  it.each([
    ['a slug with spaces', { slug: 'mon site' }, 'slug'],
    ['a domain with a scheme', { domain: 'https://example.ch' }, 'domain'],
    ['a domain with a path', { domain: 'example.ch/page' }, 'domain'],
    ['an alias listed twice', { aliases: ['a.example.ch', 'a.example.ch'] }, 'aliases.1'],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
  ])('refuses %s with a field error and creates nothing', async (_label, override, field) => {
    const suffix = uniqueSuffix();
    const before = await countSites();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: admin.headers,
      payload: { name: 'Test', slug: `test-${suffix}`, domain: `test-${suffix}.example.ch`, ...override },
    });
    expect(response.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field)).toContain(field);
    expect(await countSites()).toBe(before);
  });

  it('refuses a duplicate slug or a host name of another site with 409 and a field error', async () => {
    const existing = await createSite(t.database, { aliases: [`alias-${uniqueSuffix()}.example.ch`] });
    const before = await countSites();
    const sameSlug = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: admin.headers,
      payload: { name: 'Copie', slug: existing.slug, domain: `fresh-${uniqueSuffix()}.example.ch` },
    });
    expect(sameSlug.statusCode).toBe(409);
    expect(json(sameSlug)).toMatchObject({ code: 'SLUG_TAKEN', errors: [{ field: 'slug' }] });
    const sameAlias = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: admin.headers,
      payload: {
        name: 'Copie',
        slug: `copie-${uniqueSuffix()}`,
        domain: `fresh-${uniqueSuffix()}.example.ch`,
        aliases: [existing.aliases[0]],
      },
    });
    expect(sameAlias.statusCode).toBe(409);
    expect(json(sameAlias)).toMatchObject({ code: 'DOMAIN_TAKEN', errors: [{ field: 'aliases.0' }] });
    expect(await countSites()).toBe(before);
  });

  it('assigned editors edit ordinary settings but not the slug, domain or aliases', async () => {
    const site = await createSite(t.database);
    const editor = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
    const url = `/api/v1/sites/${site.id}`;
    const ok = await t.app.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: { name: 'Nouveau nom', description: 'Cours de voile', slug: site.slug },
    });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).data).toMatchObject({ name: 'Nouveau nom', description: 'Cours de voile', version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    for (const payload of [
      { slug: `autre-${uniqueSuffix()}` },
      { domain: `autre-${uniqueSuffix()}.example.ch` },
      { aliases: ['x.example.ch'] },
    ]) {
      const refused = await t.app.inject({ method: 'PATCH', url, headers: editor.headers, payload });
      expect(refused.statusCode).toBe(403);
      expect(json(refused).code).toBe('FIELD_FORBIDDEN');
    }
  });

  it('admins move a site to another domain; the old host is free again', async () => {
    const site = await createSite(t.database);
    const newDomain = `moved-${uniqueSuffix()}.example.ch`;
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
      payload: { domain: newDomain, aliases: [site.domain] },
    });
    expect(moved.statusCode).toBe(200);
    expect(json(moved).data).toMatchObject({ domain: newDomain, aliases: [site.domain] });
    const clash = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
      payload: { aliases: [newDomain] },
    });
    expect(clash.statusCode).toBe(400);
  });

  it('two updates from the same version: exactly one wins, the other gets 409', async () => {
    const site = await createSite(t.database);
    const url = `/api/v1/sites/${site.id}`;
    const responses = await Promise.all(
      ['Nom A', 'Nom B'].map((name) =>
        t.app.inject({
          method: 'PATCH',
          url,
          headers: admin.headers,
          payload: { name, version: site.version },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const conflict = responses.find((r) => r.statusCode === 409)!;
    expect(json(conflict)).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
  });

  it('deletes a site, its host names and its editors’ assignments', async () => {
    const site = await createSite(t.database);
    const editor = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/sites/${site.id}`, headers: admin.headers }))
        .statusCode,
    ).toBe(404);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers });
    expect(json(me).data).toMatchObject({ siteIds: [] });
    const { rows } = await t.database.query('select 1 from site_domains where site_id = $1', [site.id]);
    expect(rows).toHaveLength(0);
  });
});
