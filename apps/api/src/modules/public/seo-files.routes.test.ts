import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app';
import { createMedia, createSite, loggedInUser } from '../../../test/factories';
import { findMediaUsages as findContentUsages } from '../contents/contents.media-usage';
import { findMediaUsages as findCourseUsages } from '../courses/courses.media-usage';
import { findMediaUsages as findSeoUsages } from '../seo/seo.media-usage';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('seo.json files', () => {
  it('are written at start for sites that have none yet, and removed with their site', async () => {
    const site = await createSite(t.database);
    const second = await buildTestApp({ database: t.database });
    const file = path.join(second.config.seo.outputDir, site.id, 'seo.json');
    try {
      for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
      expect(JSON.parse(readFileSync(file, 'utf8')).site.id).toBe(site.id);
      const admin = await loggedInUser(second.app, t.database, { role: 'admin' });
      await second.app.inject({ method: 'DELETE', url: `/api/v1/sites/${site.id}`, headers: admin.headers });
      expect(existsSync(file)).toBe(false);
    } finally {
      await second.close();
    }
  });
});

describe('media usage finders', () => {
  it('name the course, content block and SEO record that show a media', async () => {
    const site = await createSite(t.database);
    const media = await createMedia(t.database, site.id);
    const unused = await createMedia(t.database, site.id);
    const admin = await loggedInUser(t.app, t.database, { role: 'admin' });
    const call = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) =>
      t.app.inject({ method, url: `/api/v1/sites/${site.id}${url}`, headers: admin.headers, payload });
    const course = JSON.parse(
      (await call('POST', '/courses', { title: 'Voile', imageId: media.id })).body,
    ).data;
    const block = JSON.parse(
      (await call('PUT', '/contents/home.image', { type: 'image', data: { mediaId: media.id, alt: 'x' } }))
        .body,
    ).data;
    const seo = JSON.parse((await call('POST', '/seo', { page: '/tarifs', ogImageId: media.id })).body).data;

    const { db } = t.database;
    expect(await findCourseUsages(db, site.id, media.id)).toEqual([
      { type: 'course', id: course.id, label: 'Voile' },
    ]);
    expect(await findContentUsages(db, site.id, media.id)).toEqual([
      { type: 'content', id: block.id, label: 'home.image' },
    ]);
    expect(await findSeoUsages(db, site.id, media.id)).toEqual([
      { type: 'seo', id: seo.id, label: 'SEO /tarifs' },
    ]);
    for (const find of [findCourseUsages, findContentUsages, findSeoUsages]) {
      expect(await find(db, site.id, unused.id)).toEqual([]);
    }
  });
});
