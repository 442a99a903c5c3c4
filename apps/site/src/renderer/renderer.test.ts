import { gunzipSync } from 'node:zlib';
import { ApiError } from '@swigs/sdk';
import { load } from 'cheerio';
import { beforeEach, describe, expect, it } from 'vitest';
import { type FakeState, fakeApi, fakeAssets, fakeState, image } from '../../test/fixtures';
import { createSiteRenderer, type SiteRenderer, type SiteRequest } from './renderer';

let state: FakeState;
let renderer: SiteRenderer;

beforeEach(() => {
  state = fakeState();
  renderer = createSiteRenderer({
    api: () => fakeApi(state),
    assets: fakeAssets(),
    now: () => new Date('2025-06-01T08:00:00Z'),
    isInstallationHost: (host) => host === '127.0.0.1',
    listSites: async () => [{ slug: state.site.slug, name: state.site.name, domain: 'demo.localhost' }],
  });
});

function get(url: string, extra: Partial<SiteRequest> = {}) {
  return renderer.handle({ method: 'GET', host: 'ecole-du-lac.ch', url, ip: '203.0.113.9', ...extra });
}

function html(response: { body?: Buffer | undefined }) {
  return load(response.body?.toString() ?? '');
}

describe('site renderer', () => {
  it('serves a cached page until the content version changes, then renders the edit', async () => {
    const first = await get('/');
    expect(first.status).toBe(200);
    expect(html(first)('h1').text()).toBe('Apprenez la voile sur le Léman');
    const loads = { ...state.calls };

    const again = await get('/');
    expect(again.body?.equals(first.body!)).toBe(true);
    // A hit asks only for the version.
    expect(state.calls.version).toBe(loads.version! + 1);
    expect(state.calls.site).toBe(loads.site);
    expect(state.calls.courses).toBe(loads.courses);

    state.contents[0] = { ...state.contents[0]!, data: { text: 'Naviguez dès cet été' } };
    state.version = 2;
    const edited = await get('/');
    expect(html(edited)('h1').text()).toBe('Naviguez dès cet été');
    expect(state.calls.site).toBe(loads.site! + 1);
  });

  it('answers 304 to a matching If-None-Match and compresses for clients that accept it', async () => {
    const first = await get('/formations');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/".+"$/);
    const notModified = await get('/formations', { ifNoneMatch: etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeUndefined();

    const gzip = await get('/formations', { acceptEncoding: 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body!).equals(first.body!)).toBe(true);
    const brotli = await get('/formations', { acceptEncoding: 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toBe('Accept-Encoding');
  });

  it('renders the course list with status badges and a course page with its facts', async () => {
    const list = html(await get('/formations'));
    expect(
      list('.card .badge')
        .map((_, el) => list(el).text())
        .get(),
    ).toEqual(['Inscriptions ouvertes', 'Complet']);

    const page = await get('/formations/permis-voile');
    const $ = html(page);
    expect($('h1').text()).toBe('Permis voile');
    const facts = $('.panel .facts').text();
    expect(facts).toContain('1–3 septembre 2025');
    expect(facts).toMatch(/1\s250\sCHF/);
    expect(facts).toContain('4 places disponibles');
    expect(facts).toContain('Port de Pully');
    expect($('.panel a.button').attr('href')).toBe('https://inscriptions.example.ch/voile');
  });

  it('answers 404 for an unknown course or path, with the site around it', async () => {
    const course = await get('/formations/inconnue');
    expect(course.status).toBe(404);
    expect(html(course)('title').text()).toBe('Page introuvable – École du Lac');
    expect(html(course)('meta[name=robots]').attr('content')).toBe('noindex');
    const path = await get('/nulle-part');
    expect(path.status).toBe(404);
    // Pages that have no content do not exist either.
    expect((await get('/protection-des-donnees')).status).toBe(404);
  });

  it('picks the site by host name; an unknown host gets a clear 404, the server address a landing page', async () => {
    expect((await get('/', { host: 'www.ecole-du-lac.ch:443' })).status).toBe(200);
    const unknown = await get('/', { host: 'autre.example.ch' });
    expect(unknown.status).toBe(404);
    expect(html(unknown)('h1').text()).toBe('Aucun site à cette adresse');

    const landing = await get('/', { host: '127.0.0.1:3000' });
    expect(landing.status).toBe(200);
    const $ = html(landing);
    expect($('a[href="/admin"]').length).toBe(1);
    expect($('a[href="/preview/ecole-du-lac"]').text()).toBe('École du Lac');
    expect($('a[href="http://demo.localhost:3000/"]').length).toBe(1);
    expect((await get('/ailleurs', { host: '127.0.0.1:3000' })).status).toBe(404);
  });

  it('serves every site under /preview/<slug> with prefixed links, not for indexing', async () => {
    const response = await get('/preview/ecole-du-lac/formations', { host: '127.0.0.1:3000' });
    expect(response.status).toBe(200);
    expect(response.headers['x-robots-tag']).toBe('noindex');
    const $ = html(response);
    expect($('link[rel=canonical]').attr('href')).toBe('https://ecole-du-lac.ch/formations');
    expect($('.card h2 a').first().attr('href')).toBe('/preview/ecole-du-lac/formations/permis-voile');
    expect($('a.brand').attr('href')).toBe('/preview/ecole-du-lac');
    expect((await get('/preview/ecole-du-lac', { host: '127.0.0.1:3000' })).status).toBe(200);
    expect((await get('/preview/inconnu/', { host: '127.0.0.1:3000' })).status).toBe(301);
    expect((await get('/preview/inconnu', { host: '127.0.0.1:3000' })).status).toBe(404);
  });

  it('redirects a trailing slash to the canonical path, keeping the query', async () => {
    const response = await get('/formations/?utm_source=x');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/formations?utm_source=x');
  });

  it('draws responsive images: srcset from the variants, dimensions, lazy below the fold', async () => {
    state.courses[0] = { ...state.courses[0]!, image: image('voilier') };
    state.version = 2;
    const $ = html(await get('/formations'));
    const img = $('.card img').first();
    expect(img.attr('srcset')).toBe(
      `/uploads/${state.site.id}/voilier-640.webp 640w, /uploads/${state.site.id}/voilier-1280.webp 1280w`,
    );
    expect(img.attr('width')).toBe('1600');
    expect(img.attr('height')).toBe('900');
    expect(img.attr('loading')).toBe('lazy');
    const detail = html(await get('/formations/permis-voile'));
    expect(detail('.prose img').attr('loading')).toBe('eager');
    expect(detail('.prose img').attr('fetchpriority')).toBe('high');
  });

  it('serves the islands script with immutable caching, and only the contact page loads it', async () => {
    const script = await get('/_assets/islands-abc123.js', { acceptEncoding: 'br' });
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-encoding']).toBe('br');
    expect((await get('/_assets/nope.js')).status).toBe(404);
    expect(html(await get('/'))('script[src]').length).toBe(0);
    expect(html(await get('/contact'))('script[type=module]').attr('src')).toBe('/_assets/islands-abc123.js');
  });

  it('uses the site locale for texts and slugs (English site)', async () => {
    state.site = { ...state.site, locale: 'en-GB' };
    state.seo = { ...state.seo, pages: {}, courses: {} };
    const $ = html(await get('/'));
    expect($('html').attr('lang')).toBe('en-GB');
    expect(
      $('nav a')
        .map((_, el) => $(el).attr('href'))
        .get(),
    ).toEqual(['/', '/courses', '/about', '/contact']);
    expect($('h2#upcoming-title').text()).toBe('Upcoming courses');
    expect((await get('/formations')).status).toBe(404);
    const course = html(await get('/courses/permis-voile'));
    expect(course('title').text()).toBe('Permis voile – École du Lac');
    expect(course('.panel .facts').text()).toMatch(/1\s?–\s?3 September 2025/);
  });

  it('renders the home page again the next day: a course that has started is no longer upcoming', async () => {
    let now = new Date('2025-07-09T20:00:00Z');
    const daily = createSiteRenderer({ api: () => fakeApi(state), assets: fakeAssets(), now: () => now });
    const request = { method: 'GET', host: 'ecole-du-lac.ch', url: '/', ip: '1.1.1.1' };
    const titles = async () =>
      html(await daily.handle(request))('.card h3')
        .map((_, el) => load(el).text())
        .get();
    expect(await titles()).toEqual(['Croisière sur le Léman', 'Permis voile']);
    const rendered = state.calls.courses;
    now = new Date('2025-07-09T21:00:00Z');
    expect(await titles()).toEqual(['Croisière sur le Léman', 'Permis voile']);
    expect(state.calls.courses).toBe(rendered);
    // 22:30 UTC on 10 July is already the 11th in Zurich: the cruise of 10 July has started.
    now = new Date('2025-07-10T22:30:00Z');
    expect(await titles()).toEqual(['Permis voile']);
    // Other pages do not depend on the date and stay cached.
    const list = await daily.handle({ ...request, url: '/formations' });
    now = new Date('2025-07-20T10:00:00Z');
    expect((await daily.handle({ ...request, url: '/formations' })).body?.equals(list.body!)).toBe(true);
  });

  it('answers 410 for a course the API says is gone', async () => {
    const api = fakeApi(state);
    const gone = createSiteRenderer({
      api: () => ({
        ...api,
        course: async () => {
          throw new ApiError({ type: 'about:blank', title: 'Gone', status: 410, code: 'NOT_FOUND' });
        },
      }),
      assets: fakeAssets(),
    });
    const response = await gone.handle({
      method: 'GET',
      host: 'ecole-du-lac.ch',
      url: '/formations/ancienne',
      ip: '1.1.1.1',
    });
    expect(response.status).toBe(410);
    const $ = html(response);
    expect($('h1').text()).toBe('Cette formation n’est plus proposée');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
  });

  it('names each page in its title when its SEO record has none (never the bare site name twice)', async () => {
    const bare = (title: string) => ({
      ...state.seo.pages.home!,
      title,
      og: { ...state.seo.pages.home!.og, title },
    });
    state.seo = {
      ...state.seo,
      pages: { home: bare('École du Lac'), courses: bare('École du Lac'), about: bare('Notre histoire') },
    };
    expect(html(await get('/'))('title').text()).toBe('École du Lac');
    expect(html(await get('/formations'))('title').text()).toBe('Formations – École du Lac');
    expect(html(await get('/formations'))('meta[property="og:title"]').attr('content')).toBe(
      'Formations – École du Lac',
    );
    expect(html(await get('/a-propos'))('title').text()).toBe('Notre histoire');
    // No record at all: the page's name and the site's description.
    const contact = html(await get('/contact'));
    expect(contact('title').text()).toBe('Contact – École du Lac');
    expect(contact('meta[name=description]').attr('content')).toBe(state.site.description);
  });

  it('answers 503 when the API fails, without caching the failure', async () => {
    const api = fakeApi(state);
    let failing = true;
    const flaky = createSiteRenderer({
      api: () => ({
        ...api,
        seo: async (key) => (failing ? Promise.reject(new Error('down')) : api.seo(key)),
      }),
      assets: fakeAssets(),
    });
    const request = { method: 'GET', host: 'ecole-du-lac.ch', url: '/', ip: '203.0.113.9' };
    const failed = await flaky.handle(request);
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('30');
    failing = false;
    expect((await flaky.handle(request)).status).toBe(200);
  });
});
