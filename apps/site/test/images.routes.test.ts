import type { Media } from '@swigs/schema';
import { load } from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../../api/test/factories';
import { multipart } from '../../api/test/multipart';
import { createTestSite, type Embedded, startEmbedded, type TestSite } from './embedded';

/** Images uploaded through the media API, drawn by the pages with the variants the API made. */
let e: Embedded;
let site: TestSite;
let host: string;
let photo: Media;

beforeAll(async () => {
  e = await startEmbedded();
  host = `images-${uniqueSuffix()}.example.ch`;
  site = await createTestSite(e, { site: { name: 'Galerie du Lac', domain: host } });
  const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#0e7490' } })
    .png()
    .toBuffer();
  const body = multipart([
    { name: 'alt', data: 'Voilier au large de Pully' },
    { name: 'file', data: png, filename: 'voilier.png', contentType: 'image/png' },
  ]);
  const uploaded = await e.t.app.inject({
    method: 'POST',
    url: `/api/v1/sites/${site.site.id}/media`,
    payload: body.payload,
    headers: { ...e.admin.headers, ...body.headers },
  });
  expect(uploaded.statusCode).toBe(201);
  photo = (JSON.parse(uploaded.body) as { data: Media }).data;
  expect(photo.variants.length).toBeGreaterThan(0);
  const course = await e.api.courses.create(site.site.id, {
    title: 'Régate d’automne',
    description: '<p>Une journée de régate.</p>',
    imageId: photo.id,
    startDate: `${new Date().getUTCFullYear() + 1}-09-12`,
  });
  site.courses.push(course);
  await e.api.contents.put(site.site.id, 'home.hero.image', {
    type: 'image',
    data: { mediaId: photo.id, alt: '' },
  });
});
afterAll(() => e.close());

describe('responsive images', () => {
  it('draws the media’s WebP variants with srcset, its dimensions, and loads the main image first', async () => {
    const course = site.courses[0]!;
    const $ = load((await e.page(host, `/formations/${course.slug}`)).body);
    const img = $('.prose img').first();
    const expectedSrcset = [...photo.variants]
      .sort((a, b) => a.width - b.width)
      .map((variant) => `${variant.url} ${variant.width}w`)
      .join(', ');
    expect(img.attr('srcset')).toBe(expectedSrcset);
    expect(img.attr('sizes')).toBeTruthy();
    expect(img.attr('width')).toBe('1600');
    expect(img.attr('height')).toBe('900');
    expect(img.attr('alt')).toBe('Voilier au large de Pully');
    expect(img.attr('loading')).toBe('eager');
    expect(img.attr('fetchpriority')).toBe('high');
    expect(photo.variants.map((variant) => variant.url)).toContain(img.attr('src'));
    // The course's image is what link previews show.
    expect($('meta[property="og:image"]').attr('content')).toBe(`https://${host}${photo.url}`);

    for (const variant of photo.variants) {
      const file = await e.page(host, variant.url);
      expect(file.statusCode, variant.url).toBe(200);
      expect(file.headers['content-type']).toBe('image/webp');
    }
  });

  it('lazy-loads images below the fold and gives the hero image priority', async () => {
    const list = load((await e.page(host, '/formations')).body);
    expect(list('.card img').attr('loading')).toBe('lazy');
    const home = load((await e.page(host, '/')).body);
    expect(home('.hero img').attr('fetchpriority')).toBe('high');
    expect(home('.hero img').attr('alt')).toBe('Voilier au large de Pully');
    expect(home('.card img').attr('loading')).toBe('lazy');
  });
});
