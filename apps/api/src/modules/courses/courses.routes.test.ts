import type { Course } from '@swigs/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createMedia, createSite, type LoggedIn, loggedInUser } from '../../../test/factories';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

async function newSiteWithEditor() {
  const site = await createSite(t.database);
  const editor = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
  return { site, editor };
}

async function createCourse(siteId: string, who: LoggedIn, payload: Record<string, unknown>) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/sites/${siteId}/courses`,
    headers: who.headers,
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ data: Course }>(response).data;
}

describe('courses', () => {
  it('an editor creates, reads, updates and deletes a course; the slug comes from the title', async () => {
    const { site, editor } = await newSiteWithEditor();
    const created = await createCourse(site.id, editor, {
      title: 'École de voile — été',
      number: 'V-2025-01',
      description: '<p>Trois jours sur le lac.</p>',
      startDate: '2025-07-01',
      endDate: '2025-07-03',
      registrationDeadline: '2025-06-20',
      price: 450.5,
      places: 8,
      location: 'Lausanne',
      externalUrl: 'https://ecole.ch/inscription',
    });
    expect(created).toMatchObject({
      slug: 'ecole-de-voile-ete',
      currency: 'CHF',
      price: 450.5,
      status: 'active',
      position: 0,
      version: 1,
      image: null,
    });
    const second = await createCourse(site.id, editor, { title: 'École de voile — été' });
    expect(second.slug).toBe('ecole-de-voile-ete-2');
    expect(second.position).toBe(1);

    const url = `/api/v1/sites/${site.id}/courses/${created.id}`;
    const got = await t.app.inject({ method: 'GET', url, headers: editor.headers });
    expect(got.headers.etag).toBe('"1"');
    const updated = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...editor.headers, 'if-match': '"1"' },
      payload: { places: 0, status: 'full', price: 19.9 },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(json(updated).data).toMatchObject({ places: 0, status: 'full', price: 19.9, version: 2 });

    const deleted = await t.app.inject({ method: 'DELETE', url, headers: editor.headers });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url, headers: editor.headers })).statusCode).toBe(404);
  });

  it.each([
    ['an end before the start', { startDate: '2025-07-02', endDate: '2025-07-01' }, 'endDate'],
    [
      'a deadline after the start',
      { startDate: '2025-07-02', registrationDeadline: '2025-07-03' },
      'registrationDeadline',
    ],
    ['a negative price', { price: -1 }, 'price'],
    ['three decimals', { price: 1.234 }, 'price'],
    ['negative places', { places: -2 }, 'places'],
    ['a javascript: link', { externalUrl: 'javascript:alert(1)' }, 'externalUrl'],
    ['an ftp link', { externalUrl: 'ftp://files.example.ch/a' }, 'externalUrl'],
    ['a date that is not one', { startDate: '2025-02-30' }, 'startDate'],
    ['an unknown status', { status: 'draft' }, 'status'],
    ['a bad currency', { currency: 'FRANCS' }, 'currency'],
  ])('refuses %s with a field error and stores nothing', async (_label, override, field) => {
    const { site, editor } = await newSiteWithEditor();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/courses`,
      headers: editor.headers,
      payload: { title: 'Cours', ...override },
    });
    expect(response.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field)).toContain(field);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/courses`,
      headers: editor.headers,
    });
    expect(json<{ meta: { total: number } }>(list).meta.total).toBe(0);
  });

  it('checks the date rules against the stored dates on a partial update', async () => {
    const { site, editor } = await newSiteWithEditor();
    const course = await createCourse(site.id, editor, { title: 'Cours', startDate: '2025-07-10' });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}/courses/${course.id}`,
      headers: editor.headers,
      payload: { endDate: '2025-07-01' },
    });
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({ errors: [{ field: 'endDate' }] });
  });

  it('stores rich text without script, event handlers or javascript: links', async () => {
    const { site, editor } = await newSiteWithEditor();
    const course = await createCourse(site.id, editor, {
      title: 'XSS',
      description:
        '<p>Bonjour<script>alert(1)</script></p><img src="https://x.ch/a.png" onerror="alert(2)"><a href="javascript:alert(3)">lien</a>',
    });
    expect(course.description).toBe('<p>Bonjour</p><img src="https://x.ch/a.png" /><a>lien</a>');
    const { rows } = await t.database.query<{ description: string }>(
      'select description from courses where id = $1',
      [course.id],
    );
    expect(rows[0]!.description).not.toMatch(/script|onerror|javascript:/i);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}/courses/${course.id}`,
      headers: editor.headers,
      payload: { description: '<svg onload="alert(1)"></svg><p onclick="x()">ok</p>' },
    });
    expect(json<{ data: Course }>(patched).data.description).toBe('<p>ok</p>');
  });

  it('refuses a slug used by another course of the site, not by another site', async () => {
    const { site, editor } = await newSiteWithEditor();
    await createCourse(site.id, editor, { title: 'Kite', slug: 'kite' });
    const clash = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/courses`,
      headers: editor.headers,
      payload: { title: 'Autre', slug: 'kite' },
    });
    expect(clash.statusCode).toBe(409);
    expect(json(clash)).toMatchObject({ code: 'SLUG_TAKEN', errors: [{ field: 'slug' }] });
    const other = await createSite(t.database);
    await createCourse(other.id, admin, { title: 'Kite', slug: 'kite' });
  });

  it('takes an image of the site’s own media library only', async () => {
    const { site, editor } = await newSiteWithEditor();
    const own = await createMedia(t.database, site.id, { alt: 'Voilier' });
    const other = await createSite(t.database);
    const foreign = await createMedia(t.database, other.id);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/courses`,
      headers: editor.headers,
      payload: { title: 'Cours', imageId: foreign.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused)).toMatchObject({ errors: [{ field: 'imageId' }] });
    const course = await createCourse(site.id, editor, { title: 'Cours', imageId: own.id });
    expect(course.image).toMatchObject({
      id: own.id,
      url: `/uploads/${site.id}/${own.storedName}`,
      alt: 'Voilier',
      width: 1200,
    });
    // Deleting the media empties the reference (ON DELETE SET NULL).
    await t.database.query('delete from media where id = $1', [own.id]);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/courses/${course.id}`,
      headers: editor.headers,
    });
    expect(json(after).data).toMatchObject({ imageId: null, image: null });
  });

  it('filters by status, searches title, number, description and location (accents folded), sorts, paginates', async () => {
    const { site, editor } = await newSiteWithEditor();
    await createCourse(site.id, editor, {
      title: 'Voile débutants',
      location: 'Genève',
      startDate: '2025-05-01',
    });
    await createCourse(site.id, editor, {
      title: 'Kitesurf',
      number: 'K-77',
      status: 'full',
      startDate: '2025-04-01',
    });
    await createCourse(site.id, editor, {
      title: 'Paddle',
      description: '<p>Balade sur le <strong>Léman</strong></p>',
      status: 'cancelled',
    });
    const list = async (query: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/sites/${site.id}/courses?${query}`,
        headers: editor.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      const body = json<{ data: Course[]; meta: { total: number } }>(response);
      return { titles: body.data.map((c) => c.title), total: body.meta.total };
    };
    expect((await list('status=full')).titles).toEqual(['Kitesurf']);
    expect((await list('q=geneve')).titles).toEqual(['Voile débutants']);
    expect((await list('q=VOIL')).titles).toEqual(['Voile débutants']);
    expect((await list('q=k-77')).titles).toEqual(['Kitesurf']);
    expect((await list('q=leman')).titles).toEqual(['Paddle']);
    expect((await list('q=leman%20voile')).titles).toEqual([]);
    expect((await list('q=%27%20%26%20!%3A*')).total).toBe(3);
    expect((await list('sort=title')).titles).toEqual(['Kitesurf', 'Paddle', 'Voile débutants']);
    expect((await list('sort=startDate')).titles).toEqual(['Kitesurf', 'Voile débutants', 'Paddle']);
    expect(await list('pageSize=2&page=2')).toEqual({ titles: ['Paddle'], total: 3 });
  });

  it('two concurrent updates from the same version: exactly one wins, the other gets 409', async () => {
    const { site, editor } = await newSiteWithEditor();
    const course = await createCourse(site.id, editor, { title: 'Cours' });
    const responses = await Promise.all(
      ['Titre A', 'Titre B'].map((title) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/sites/${site.id}/courses/${course.id}`,
          headers: editor.headers,
          payload: { title, version: course.version },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const conflict = responses.find((r) => r.statusCode === 409)!;
    expect(json(conflict)).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const winner = json<{ data: Course }>(responses.find((r) => r.statusCode === 200)!).data;
    const stored = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/courses/${course.id}`,
      headers: editor.headers,
    });
    expect(json(stored).data).toMatchObject({ title: winner.title, version: 2 });
  });

  it('reorders 200 courses in one request; the public list follows at once', async () => {
    const { site, editor } = await newSiteWithEditor();
    const values = Array.from({ length: 200 }, (_, i) => `('${site.id}', 'c-${i}', 'Cours ${i}', ${i})`).join(
      ',',
    );
    await t.database.query(`insert into courses (site_id, slug, title, position) values ${values}`);
    const publicUrl = `/api/v1/public/sites/${site.slug}/courses`;
    const before = json<{ data: { slug: string }[] }>(await t.app.inject({ method: 'GET', url: publicUrl }));
    expect(before.data[0]!.slug).toBe('c-0');

    const { rows } = await t.database.query<{ id: string }>(
      'select id from courses where site_id = $1 order by position desc',
      [site.id],
    );
    const ids = rows.map((row) => row.id);
    const reordered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/courses/reorder`,
      headers: editor.headers,
      payload: { ids },
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(json<{ data: { id: string; position: number }[] }>(reordered).data.map((p) => p.id)).toEqual(ids);

    const after = json<{ data: { slug: string; position: number }[] }>(
      await t.app.inject({ method: 'GET', url: publicUrl }),
    );
    expect(after.data.map((c) => c.slug)).toEqual(Array.from({ length: 200 }, (_, i) => `c-${199 - i}`));
    expect(after.data.map((c) => c.position)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('a reorder listing some courses puts them first and keeps the others after, in order', async () => {
    const { site, editor } = await newSiteWithEditor();
    const [a, b, c] = [
      await createCourse(site.id, editor, { title: 'A' }),
      await createCourse(site.id, editor, { title: 'B' }),
      await createCourse(site.id, editor, { title: 'C' }),
    ];
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/courses/reorder`,
      headers: editor.headers,
      payload: { ids: [c!.id] },
    });
    expect(json<{ data: { id: string }[] }>(response).data.map((p) => p.id)).toEqual([c!.id, a!.id, b!.id]);
  });

  it('refuses to reorder with a course of another site and changes nothing', async () => {
    const { site, editor } = await newSiteWithEditor();
    const own = await createCourse(site.id, editor, { title: 'A' });
    const other = await createSite(t.database);
    const foreign = await createCourse(other.id, admin, { title: 'B' });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/courses/reorder`,
      headers: editor.headers,
      payload: { ids: [foreign.id, own.id] },
    });
    expect(response.statusCode).toBe(400);
    const { rows } = await t.database.query<{ position: number }>(
      'select position from courses where id = $1',
      [foreign.id],
    );
    expect(rows[0]!.position).toBe(0);
  });
});
