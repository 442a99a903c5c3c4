import type { SeoRecord, SeoResponse } from '@swigs/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createMedia, createSite, loggedInUser } from '../../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function setup() {
  const site = await createSite(t.database);
  const editor = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', suffix = '', payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/sites/${site.id}/seo${suffix}`,
      headers: editor.headers,
      ...(payload ? { payload } : {}),
    });
  const records = async () => json<{ data: SeoRecord[] }>(await call('GET')).data;
  return { site, editor, call, records };
}

describe('seo', () => {
  it('every new site has the default pages, which can be emptied but not deleted or moved', async () => {
    const { call, records } = await setup();
    const pages = await records();
    expect(pages.map((p) => p.page)).toEqual(['home', 'about', 'courses', 'contact', 'legal']);
    const home = pages[0]!;
    expect(home).toMatchObject({
      metaTitle: '',
      noindex: false,
      twitterCard: 'summary_large_image',
      version: 1,
    });
    const deleted = await call('DELETE', `/${home.id}`);
    expect(deleted.statusCode).toBe(409);
    expect(json(deleted).code).toBe('SEO_PAGE_PROTECTED');
    const moved = await call('PATCH', `/${home.id}`, { page: '/accueil' });
    expect(json(moved).code).toBe('SEO_PAGE_PROTECTED');
    const duplicate = await call('POST', '', { page: 'home' });
    expect(duplicate.statusCode).toBe(409);
    expect(json(duplicate).code).toBe('SEO_PAGE_TAKEN');
  });

  it('warns, without refusing, about texts longer than search engines show', async () => {
    const { call, records } = await setup();
    const home = (await records())[0]!;
    const response = await call('PATCH', `/${home.id}`, {
      metaTitle: 'Un titre bien trop long pour tenir dans un résultat de recherche Google',
      metaDescription: 'Court.',
      keywords: ['voile', 'lac'],
    });
    expect(response.statusCode).toBe(200);
    const body = json<SeoResponse>(response);
    expect(body.data).toMatchObject({ keywords: ['voile', 'lac'], version: 2 });
    expect(body.warnings).toEqual([
      expect.objectContaining({ field: 'metaTitle', code: 'too_long', limit: 60, length: 71 }),
    ]);
    const fetched = json<SeoResponse>(await call('GET', `/${home.id}`));
    expect(fetched.warnings).toHaveLength(1);
  });

  it('adds custom paths, which can move and be deleted; refuses what is not a page', async () => {
    const { call, records } = await setup();
    const created = await call('POST', '', { page: '/tarifs', metaTitle: 'Tarifs' });
    expect(created.statusCode, created.body).toBe(201);
    const id = json<SeoResponse>(created).data.id;
    const moved = await call('PATCH', `/${id}`, { page: '/prix', version: 1 });
    expect(json(moved).data).toMatchObject({ page: '/prix', version: 2 });
    expect((await call('PATCH', `/${id}`, { page: 'about' })).statusCode).toBe(400);
    for (const page of ['Tarifs', '/Tarifs', 'tarifs', '/a//b', 'course:123', '/../etc']) {
      expect((await call('POST', '', { page })).statusCode, page).toBe(400);
    }
    expect((await call('DELETE', `/${id}`)).statusCode).toBe(204);
    expect((await records()).map((p) => p.page)).not.toContain('/prix');
  });

  it('overrides a course of the site only; the override goes with the course', async () => {
    const { site, editor, call, records } = await setup();
    const course = json<{ data: { id: string } }>(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/sites/${site.id}/courses`,
        headers: editor.headers,
        payload: { title: 'Voile' },
      }),
    ).data;
    expect((await call('POST', '', { page: `course:${course.id}`, metaTitle: 'Voile' })).statusCode).toBe(
      201,
    );
    const unknown = await call('POST', '', { page: 'course:00000000-0000-4000-8000-000000000000' });
    expect(json(unknown)).toMatchObject({ errors: [{ field: 'page' }] });
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sites/${site.id}/courses/${course.id}`,
      headers: editor.headers,
    });
    expect((await records()).map((p) => p.page)).not.toContain(`course:${course.id}`);
  });

  it('takes og and twitter images of the site only, and resolves them', async () => {
    const { site, call, records } = await setup();
    const image = await createMedia(t.database, site.id);
    const foreign = await createMedia(t.database, (await createSite(t.database)).id);
    const home = (await records())[0]!;
    const refused = await call('PATCH', `/${home.id}`, { twitterImageId: foreign.id });
    expect(json(refused)).toMatchObject({ errors: [{ field: 'twitterImageId' }] });
    const saved = await call('PATCH', `/${home.id}`, { ogImageId: image.id, twitterCard: 'summary' });
    expect(json<SeoResponse>(saved).data).toMatchObject({
      ogImageId: image.id,
      ogImage: { id: image.id },
      twitterImage: null,
      twitterCard: 'summary',
    });
  });

  it('two concurrent updates from the same version: exactly one wins', async () => {
    const { call, records } = await setup();
    const home = (await records())[0]!;
    const responses = await Promise.all(
      ['A', 'B'].map((metaTitle) => call('PATCH', `/${home.id}`, { metaTitle, version: 1 })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});
