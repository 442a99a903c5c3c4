import { brotliDecompressSync } from 'node:zlib';
import { load } from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Embedded, startEmbedded } from './embedded';
import { createTwoSites, page as fetchPage, head, type TwoSites } from './two-sites';

/** Each site's sitemap and robots, freshness after an edit, HTTP caching and preview paths. */

let e: Embedded;
let sites: TwoSites;
let lac: TwoSites['lac'];
let speed: TwoSites['speed'];
let lacHost: string;
let speedHost: string;

beforeAll(async () => {
  e = await startEmbedded();
  sites = await createTwoSites(e);
  ({ lac, speed, lacHost, speedHost } = sites);
});
afterAll(() => e.close());

const page = (host: string, url: string) => fetchPage(e, host, url);

describe('public sites served by one process: files, caching, preview', () => {
  it('each site has its own sitemap: valid, absolute URLs, exactly the indexable pages', async () => {
    const sitemapOf = async (host: string) => {
      const response = await e.page(host, '/sitemap.xml');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(XMLValidator.validate(response.body)).toBe(true);
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(response.body) as {
        urlset: { '@_xmlns': string; url: { loc: string } | { loc: string }[] };
      };
      expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      const locs = [parsed.urlset.url].flat().map((url) => url.loc);
      for (const loc of locs) expect(new URL(loc).origin).toBe(`https://${host}`);
      return locs.sort();
    };
    const [permis, croisiere] = lac.courses;
    expect(await sitemapOf(lacHost)).toEqual(
      [
        '/',
        '/a-propos',
        '/formations',
        '/contact',
        `/formations/${permis!.slug}`,
        `/formations/${croisiere!.slug}`,
      ]
        .map((path) => `https://${lacHost}${path}`)
        .sort(),
    );
    expect(await sitemapOf(speedHost)).toEqual(
      ['/', '/courses', '/contact', '/privacy', `/courses/${speed.courses[0]!.slug}`]
        .map((path) => `https://${speedHost}${path}`)
        .sort(),
    );
  });

  it('each site has its own robots.txt pointing to its sitemap', async () => {
    for (const host of [lacHost, speedHost]) {
      const response = await e.page(host, '/robots.txt');
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('User-agent: *');
      expect(response.body).toContain('Disallow: /api/');
      expect(response.body).toContain(`Sitemap: https://${host}/sitemap.xml`);
    }
  });

  it('a course edited through the API shows on its page at once', async () => {
    const course = lac.courses[0]!;
    const url = `/formations/${course.slug}`;
    const before = await e.page(lacHost, url);
    expect(load(before.body)('h1').text()).toBe('Permis voile');
    const current = await e.api.courses.get(lac.site.id, course.id);
    await e.api.courses.update(lac.site.id, course.id, {
      title: 'Permis voile (nouvelle formule)',
      places: 1,
      version: current.version,
    });
    const after = await e.page(lacHost, url, { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    const $ = load(after.body);
    expect($('h1').text()).toBe('Permis voile (nouvelle formule)');
    expect($('.panel .facts').text()).toContain('1 place disponible');
    expect(head($).title).toBe('Permis voile (nouvelle formule) – École du Lac');
    expect(
      load((await e.page(lacHost, '/formations')).body)('.card h2')
        .first()
        .text(),
    ).toBe('Permis voile (nouvelle formule)');
  });

  it('revalidates with ETag (304), compresses with brotli, and serves hashed assets as immutable', async () => {
    const first = await e.page(lacHost, '/formations');
    const etag = first.headers.etag as string;
    const again = await e.page(lacHost, '/formations', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const brotli = await e.t.app.inject({
      method: 'GET',
      url: '/formations',
      headers: { host: lacHost, 'accept-encoding': 'br' },
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(first.body);
    expect(Number(brotli.headers['content-length'])).toBeLessThan(first.body.length / 2);

    // The same security headers as the API's (helmet's), precomputed for pages.
    const apiAnswer = await e.page(lacHost, '/api/v1/auth/me');
    for (const header of [
      'content-security-policy',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
    ]) {
      expect(first.headers[header], header).toBe(apiAnswer.headers[header]);
    }
    const script = load((await e.page(lacHost, '/')).body)('link[rel=icon]').attr('href');
    expect(script).toBe('/favicon.svg');
    const favicon = await e.page(lacHost, '/favicon.svg');
    expect(favicon.headers['content-type']).toBe('image/svg+xml');
    const assets = await e.page(lacHost, '/_assets/does-not-exist.js');
    expect(assets.statusCode).toBe(404);
  });

  it('serves every site under /preview/<slug> on the server’s own address, and lists them there', async () => {
    const preview = await page('127.0.0.1:3000', `/preview/${speed.site.slug}/courses`);
    expect(preview.response.statusCode).toBe(200);
    expect(preview.response.headers['x-robots-tag']).toBe('noindex');
    expect(head(preview.$).canonical).toBe(`https://${speedHost}/courses`);
    expect(preview.$('.card h2 a').attr('href')).toBe(
      `/preview/${speed.site.slug}/courses/${speed.courses[0]!.slug}`,
    );
    const landing = await page('127.0.0.1:3000', '/');
    expect(landing.response.statusCode).toBe(200);
    expect(landing.$(`a[href="/preview/${lac.site.slug}"]`).text()).toBe('École du Lac');
    expect(landing.$(`a[href="/preview/${speed.site.slug}"]`).text()).toBe('Speed-L Academy');
  });
});
