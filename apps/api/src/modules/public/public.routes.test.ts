import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PublicCourse, PublicSite, SeoDocument } from '@swigs/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createMedia, createSite, type LoggedIn, loggedInUser, uniqueSuffix } from '../../../test/factories';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

const api = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, ...(payload ? { payload } : {}) });

describe('public read API', () => {
  it('shows a site’s profile by slug or host name, without what is not for publishing', async () => {
    const alias = `www-${uniqueSuffix()}.example.ch`;
    const site = await createSite(t.database, { aliases: [alias] });
    const logo = await createMedia(t.database, site.id, { alt: 'Logo' });
    await api('PATCH', `/sites/${site.id}`, {
      logoId: logo.id,
      contact: { email: 'info@ecole.ch' },
      notificationEmails: ['secret@ecole.ch'],
    });
    for (const key of [site.slug, site.domain, alias.toUpperCase()]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${key}` });
      expect(response.statusCode, response.body).toBe(200);
      const profile = json<{ data: PublicSite }>(response).data;
      expect(profile).toMatchObject({ id: site.id, slug: site.slug, contact: { email: 'info@ecole.ch' } });
      expect(profile.logo?.url).toBe(`/uploads/${site.id}/${logo.storedName}`);
      expect(response.body).not.toContain('secret@ecole.ch');
      expect(response.body).not.toContain('notificationEmails');
    }
    const badPrefix = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/sites/${site.slug}/contents?prefix=%25`,
    });
    expect(badPrefix.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/public/sites/nope.example.ch' });
    expect(missing.statusCode).toBe(404);
    expect(json(missing).code).toBe('SITE_NOT_FOUND');
  });

  it('lists visible courses in display order, finished ones left out; one course by slug', async () => {
    const site = await createSite(t.database);
    for (const [title, status] of [
      ['Voile', 'active'],
      ['Kite', 'finished'],
      ['Paddle', 'full'],
      ['Surf', 'cancelled'],
    ]) {
      expect((await api('POST', `/sites/${site.id}/courses`, { title, status })).statusCode).toBe(201);
    }
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${site.slug}/courses` });
    const courses = json<{ data: PublicCourse[] }>(response).data;
    expect(courses.map((c) => c.title)).toEqual(['Voile', 'Paddle', 'Surf']);
    expect(courses[0]).not.toHaveProperty('siteId');
    expect(courses[0]).not.toHaveProperty('version');

    const one = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/sites/${site.slug}/courses/paddle`,
    });
    expect(json(one).data).toMatchObject({ title: 'Paddle', status: 'full' });
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/sites/${site.slug}/courses/kite`,
    });
    expect(hidden.statusCode).toBe(404);
    expect(json(hidden).code).toBe('COURSE_NOT_FOUND');
    const empty = await createSite(t.database);
    const none = await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${empty.slug}/courses` });
    expect(json(none)).toEqual({ data: [] });
  });

  it('finds a course at its former slugs, says 410 for a deleted one, and lets a new course take a freed slug', async () => {
    const site = await createSite(t.database);
    const other = await createSite(t.database);
    const publicCourse = (slug: string, siteSlug = site.slug) =>
      t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${siteSlug}/courses/${slug}` });
    const created = json<{ data: { id: string; version: number } }>(
      await api('POST', `/sites/${site.id}/courses`, { title: 'Voile été', slug: 'voile-ete' }),
    ).data;
    expect(
      (await api('POST', `/sites/${other.id}/courses`, { title: 'Voile été', slug: 'voile-ete' })).statusCode,
    ).toBe(201);

    // Renamed twice: both former addresses answer the course with its current slug.
    let version = created.version;
    for (const slug of ['voile-2026', 'voile-ete-2026']) {
      const renamed = await api('PATCH', `/sites/${site.id}/courses/${created.id}`, { slug, version });
      expect(renamed.statusCode, renamed.body).toBe(200);
      version = json<{ data: { version: number } }>(renamed).data.version;
    }
    for (const former of ['voile-ete', 'voile-2026', 'voile-ete-2026']) {
      const response = await publicCourse(former);
      expect(response.statusCode, former).toBe(200);
      expect(json<{ data: PublicCourse }>(response).data).toMatchObject({
        id: created.id,
        slug: 'voile-ete-2026',
      });
    }

    // Deleted: its address and its former ones are gone (410), on this site only.
    expect((await api('DELETE', `/sites/${site.id}/courses/${created.id}`)).statusCode).toBe(204);
    for (const former of ['voile-ete', 'voile-2026', 'voile-ete-2026']) {
      const response = await publicCourse(former);
      expect(response.statusCode, former).toBe(410);
      expect(json(response).code).toBe('COURSE_GONE');
    }
    expect((await publicCourse('voile-ete', other.slug)).statusCode).toBe(200);
    expect(json(await publicCourse('never-existed')).code).toBe('COURSE_NOT_FOUND');

    // A new course takes a freed address: it answers there again.
    await api('POST', `/sites/${site.id}/courses`, { title: 'Voile 2027', slug: 'voile-2026' });
    const reused = await publicCourse('voile-2026');
    expect(reused.statusCode).toBe(200);
    expect(json<{ data: PublicCourse }>(reused).data.title).toBe('Voile 2027');
    expect((await publicCourse('voile-ete')).statusCode).toBe(410);
  });

  it('answers with a strong ETag, 304 on If-None-Match, CDN-friendly Cache-Control and the content version', async () => {
    const site = await createSite(t.database);
    await api('POST', `/sites/${site.id}/courses`, { title: 'Voile' });
    const url = `/api/v1/public/sites/${site.slug}/courses`;
    const first = await t.app.inject({ method: 'GET', url });
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers.vary).toBe('Origin');
    const version = Number(first.headers['x-content-version']);
    expect(version).toBeGreaterThan(1);
    const cached = await t.app.inject({ method: 'GET', url });
    expect(cached.body).toBe(first.body);
    expect(cached.headers.etag).toBe(first.headers.etag);

    const notModified = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': `"other", W/${first.headers.etag}` },
    });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');

    await api('POST', `/sites/${site.id}/courses`, { title: 'Kite' });
    const changed = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': first.headers.etag! },
    });
    expect(changed.statusCode).toBe(200);
    expect(Number(changed.headers['x-content-version'])).toBeGreaterThan(version);
    const versionAnswer = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/sites/${site.domain}/version`,
    });
    expect(json(versionAnswer).data).toEqual({
      siteId: site.id,
      version: Number(changed.headers['x-content-version']),
    });
  });

  it('a read after an edit returns the edit, for every resource (in-process cache)', async () => {
    const site = await createSite(t.database);
    const created = json<{ data: { id: string } }>(
      await api('POST', `/sites/${site.id}/courses`, { title: 'Avant' }),
    );
    await api('PUT', `/sites/${site.id}/contents/home.hero`, { type: 'text', data: { text: 'Bonjour' } });
    const read = async (suffix: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${site.slug}${suffix}` })).body;
    expect(await read('/courses')).toContain('Avant');
    expect(await read('/courses/avant')).toContain('Avant');
    expect(await read('/contents')).toContain('Bonjour');
    expect(await read('/contents/home.hero')).toContain('Bonjour');
    expect(await read('')).toContain(site.name);

    await api('PATCH', `/sites/${site.id}/courses/${created.data.id}`, { title: 'Après' });
    await api('PUT', `/sites/${site.id}/contents/home.hero`, { type: 'text', data: { text: 'Salut' } });
    await api('PATCH', `/sites/${site.id}`, { name: 'Nouveau nom' });
    expect(await read('/courses')).toContain('Après');
    expect(await read('/courses/avant')).toContain('Après');
    expect(await read('/contents')).toContain('Salut');
    expect(await read('/contents/home.hero')).toContain('Salut');
    expect(await read('')).toContain('Nouveau nom');

    await api('DELETE', `/sites/${site.id}/contents/home.hero`);
    expect(await read('/contents')).toBe('{"data":[]}');
    expect(JSON.parse(await read('/contents/home.hero')).code).toBe('CONTENT_NOT_FOUND');
  });

  it('an edit or deletion of a media shown by a course reaches the public list at once', async () => {
    const site = await createSite(t.database);
    const image = await createMedia(t.database, site.id, { alt: 'Avant' });
    await api('POST', `/sites/${site.id}/courses`, { title: 'Voile', imageId: image.id });
    const read = async () =>
      json<{ data: PublicCourse[] }>(
        await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${site.slug}/courses` }),
      ).data[0]!.image;
    expect((await read())?.alt).toBe('Avant');
    expect((await api('PATCH', `/sites/${site.id}/media/${image.id}`, { alt: 'Après' })).statusCode).toBe(
      200,
    );
    expect((await read())?.alt).toBe('Après');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sites/${site.id}/media/${image.id}?force=true`,
      headers: admin.headers,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await read()).toBeNull();
  });

  it('forgets the old slug and hosts when a site moves', async () => {
    const site = await createSite(t.database);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${site.slug}` })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${site.domain}` })).statusCode,
    ).toBe(200);
    const moved = `moved-${uniqueSuffix()}`;
    await api('PATCH', `/sites/${site.id}`, { slug: moved, domain: `${moved}.example.ch` });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${site.slug}` })).statusCode).toBe(
      404,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${site.domain}` })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${moved}` })).statusCode).toBe(
      200,
    );
    await api('DELETE', `/sites/${site.id}`);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${moved}` })).statusCode).toBe(
      404,
    );
  });

  it('lets the site’s own domains and configured origins read it from a browser (CORS)', async () => {
    const site = await createSite(t.database, { aliases: [`www-${uniqueSuffix()}.example.ch`] });
    const url = `/api/v1/public/sites/${site.slug}/courses`;
    for (const origin of [`https://${site.domain}`, `https://${site.aliases[0]}`]) {
      const response = await t.app.inject({ method: 'GET', url, headers: { origin } });
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(response.headers['access-control-expose-headers']).toContain('ETag');
    }
    const stranger = await t.app.inject({ method: 'GET', url, headers: { origin: 'https://evil.example' } });
    expect(stranger.statusCode).toBe(200);
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url,
      headers: {
        origin: `https://${site.domain}`,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(`https://${site.domain}`);
    // The admin API stays closed to the site's domain.
    const admin = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sites',
      headers: { origin: `https://${site.domain}` },
    });
    expect(admin.headers['access-control-allow-origin']).toBeUndefined();

    const configured = await buildTestApp({
      env: { CORS_ORIGINS: 'https://front.example.ch' },
      database: t.database,
    });
    try {
      const response = await configured.app.inject({
        method: 'GET',
        url,
        headers: { origin: 'https://front.example.ch' },
      });
      expect(response.headers['access-control-allow-origin']).toBe('https://front.example.ch');
      // The admin served from that origin reads a download's file name.
      const adminCall = await configured.app.inject({
        method: 'GET',
        url: '/api/v1/sites',
        headers: { origin: 'https://front.example.ch' },
      });
      expect(adminCall.headers['access-control-allow-origin']).toBe('https://front.example.ch');
      expect(adminCall.headers['access-control-expose-headers']).toBe('Content-Disposition');
    } finally {
      await configured.close();
    }
  });
});

describe('seo.json', () => {
  it('serves the resolved SEO of every page and visible course, with a strong ETag, and writes it to disk', async () => {
    const site = await createSite(t.database);
    const image = await createMedia(t.database, site.id);
    const course = json<{ data: { id: string } }>(
      await api('POST', `/sites/${site.id}/courses`, {
        title: 'Voile',
        description: `<p>${'Une belle journée sur le lac. '.repeat(10)}</p>`,
        imageId: image.id,
      }),
    ).data;
    await api('POST', `/sites/${site.id}/courses`, { title: 'Ancien', status: 'finished' });
    const seoList = json<{ data: { id: string; page: string }[] }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/sites/${site.id}/seo`, headers: admin.headers }),
    ).data;
    const home = seoList.find((record) => record.page === 'home')!;
    await api('PATCH', `/sites/${site.id}/seo/${home.id}`, {
      metaTitle: 'Accueil',
      ogDescription: 'Partagé',
    });
    await api('POST', `/sites/${site.id}/seo`, { page: '/tarifs', metaTitle: 'Tarifs' });

    const url = `/api/v1/public/sites/${site.slug}/seo.json`;
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    const document = json<SeoDocument>(response);
    expect(Object.keys(document.pages)).toEqual(['home', 'about', 'courses', 'contact', 'legal', '/tarifs']);
    expect(document.pages.home).toMatchObject({
      title: 'Accueil',
      og: { title: 'Accueil', description: 'Partagé' },
      twitter: { title: 'Accueil', description: 'Partagé', card: 'summary_large_image' },
    });
    expect(document.pages.about!.title).toBe(site.name);
    expect(Object.keys(document.courses)).toEqual(['voile']);
    expect(document.courses.voile!.title).toBe(`Voile – ${site.name}`);
    expect([...document.courses.voile!.description].length).toBeLessThanOrEqual(160);
    expect(document.courses.voile!.description.endsWith('…')).toBe(true);
    expect(document.courses.voile!.og.image?.id).toBe(image.id);
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(
      (await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': response.headers.etag! } }))
        .statusCode,
    ).toBe(304);

    const file = path.join(t.config.seo.outputDir, site.id, 'seo.json');
    expect(readFileSync(file, 'utf8')).toBe(response.body);

    // A course override changes the course's SEO, in the API and on disk, at once.
    await api('POST', `/sites/${site.id}/seo`, {
      page: `course:${course.id}`,
      metaTitle: 'Voile au Léman',
      noindex: true,
    });
    const after = await t.app.inject({ method: 'GET', url });
    expect(json<SeoDocument>(after).courses.voile).toMatchObject({ title: 'Voile au Léman', noindex: true });
    expect(after.headers.etag).not.toBe(response.headers.etag);
    expect(readFileSync(file, 'utf8')).toBe(after.body);

    // Settings are part of it too.
    await api('PATCH', `/sites/${site.id}`, { name: 'Nom neuf' });
    expect(JSON.parse(readFileSync(file, 'utf8')).pages.about.title).toBe('Nom neuf');
  });
});
