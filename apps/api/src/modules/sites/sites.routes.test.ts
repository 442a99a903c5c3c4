import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, countRows, json, type TestApp } from '../../../test/build-test-app';
import { createSite, type LoggedIn, loggedInUser, uniqueSuffix } from '../../../test/factories';
import { createSitesRepository } from './sites.repository';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

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
    const before = await countRows(t.database, 'sites');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: admin.headers,
      payload: { name: 'Test', slug: `test-${suffix}`, domain: `test-${suffix}.example.ch`, ...override },
    });
    expect(response.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field)).toContain(field);
    expect(await countRows(t.database, 'sites')).toBe(before);
  });

  it('refuses a duplicate slug or a host name of another site with 409 and a field error', async () => {
    const existing = await createSite(t.database, { aliases: [`alias-${uniqueSuffix()}.example.ch`] });
    const before = await countRows(t.database, 'sites');
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
    expect(await countRows(t.database, 'sites')).toBe(before);
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

describe('site settings', () => {
  it('editors set contact details, social links, theme and notification emails; partial objects merge', async () => {
    const site = await createSite(t.database);
    const editor = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
    const url = `/api/v1/sites/${site.id}`;
    const first = await t.app.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: {
        contact: {
          email: 'info@ecole.ch',
          phone: '+41 21 555 12 34',
          address: 'Quai du Lac 1, 1006 Lausanne',
        },
        social: { facebook: 'https://facebook.com/ecole', instagram: 'https://instagram.com/ecole' },
        theme: { primaryColor: '#0E7490' },
        notificationEmails: ['secretariat@ecole.ch'],
      },
    });
    expect(first.statusCode).toBe(200);
    const second = await t.app.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: { contact: { phone: '+41 21 555 00 00' } },
    });
    expect(json(second).data).toMatchObject({
      contact: { email: 'info@ecole.ch', phone: '+41 21 555 00 00', address: 'Quai du Lac 1, 1006 Lausanne' },
      social: {
        facebook: 'https://facebook.com/ecole',
        instagram: 'https://instagram.com/ecole',
        x: '',
        tiktok: '',
      },
      theme: { primaryColor: '#0E7490', secondaryColor: '#0f172a' },
      notificationEmails: ['secretariat@ecole.ch'],
      logoId: null,
      logo: null,
    });
  });

  it.each([
    ['a javascript: social link', { social: { facebook: 'javascript:alert(1)' } }, 'social.facebook'],
    ['a colour name', { theme: { primaryColor: 'blue' } }, 'theme.primaryColor'],
    ['a bad notification email', { notificationEmails: ['nope'] }, 'notificationEmails.0'],
    ['a bad contact email', { contact: { email: 'nope' } }, 'contact.email'],
  ])('refuses %s and changes nothing', async (_label, payload, field) => {
    const site = await createSite(t.database);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field)).toContain(field);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
    });
    expect(json(after).data).toMatchObject({ version: 1 });
  });

  it('refuses a logo that is not a media of the site', async () => {
    const site = await createSite(t.database);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
      payload: { logoId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({ errors: [{ field: 'logoId' }] });
  });

  it('finds a site by slug or by any of its host names (public requests)', async () => {
    const alias = `www-${uniqueSuffix()}.example.ch`;
    const site = await createSite(t.database, { aliases: [alias] });
    const repository = createSitesRepository(t.database.db);
    expect(await repository.findIdByKey(site.slug)).toBe(site.id);
    expect(await repository.findIdByKey(site.domain.toUpperCase())).toBe(site.id);
    expect(await repository.findIdByKey(`${alias}:8080`)).toBe(site.id);
    expect(await repository.findIdByKey('unknown.example.ch')).toBeUndefined();
  });
});
