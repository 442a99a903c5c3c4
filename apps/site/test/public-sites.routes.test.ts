import { brotliDecompressSync } from 'node:zlib';
import { type CheerioAPI, load } from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../../api/test/factories';
import { createTestSite, type Embedded, startEmbedded, type TestSite } from './embedded';

/**
 * Two sites with different domains served by one process: each page type is fetched with the
 * site's Host header and its HTML parsed, to check the exact SEO tags, the JSON-LD, the sitemap
 * and robots of each site.
 */

let e: Embedded;
let lac: TestSite;
let speed: TestSite;
let lacHost: string;
let speedHost: string;

const nextYear = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  e = await startEmbedded();
  const suffix = uniqueSuffix();
  lacHost = `lac-${suffix}.example.ch`;
  speedHost = `speed-${suffix}.example.ch`;
  lac = await createTestSite(e, {
    site: {
      name: 'École du Lac',
      slug: `lac-${suffix}`,
      domain: lacHost,
      aliases: [`www.${lacHost}`],
      description: 'Cours de voile sur le Léman.',
      contact: {
        email: 'info@ecole-du-lac.ch',
        phone: '+41 21 555 12 34',
        address: 'Quai du Lac 1, 1006 Lausanne',
      },
      social: { facebook: 'https://facebook.com/ecoledulac' },
      theme: { primaryColor: '#0e7490', secondaryColor: '#0f172a' },
    },
    logo: true,
    courses: [
      {
        title: 'Permis voile',
        description: '<p>Préparez le permis de voile <strong>en dix leçons</strong> sur le Léman.</p>',
        startDate: `${nextYear}-05-04`,
        endDate: `${nextYear}-05-06`,
        registrationDeadline: `${nextYear}-04-20`,
        price: 1250,
        places: 4,
        location: 'Port de Pully',
        externalUrl: 'https://inscriptions.example.com/voile',
      },
      {
        title: 'Croisière au coucher du soleil',
        description: '<p>Une soirée en mer.</p>',
        status: 'full',
        price: 90,
      },
      { title: 'Régate interne', description: '<p>Entre membres.</p>', price: 0 },
    ],
    contents: {
      'home.hero.title': { type: 'text', data: { text: 'Apprenez la voile sur le Léman' } },
      'about.body': { type: 'richtext', data: { html: '<p>Depuis 1998, nous formons des navigateurs.</p>' } },
      'legal.body': { type: 'richtext', data: { html: '<p>Éditeur : École du Lac Sàrl.</p>' } },
    },
    seo: {
      home: {
        metaTitle: 'École du Lac – Cours de voile à Lausanne',
        metaDescription: 'Cours de voile pour tous les niveaux, à Lausanne.',
        keywords: ['voile', 'Lausanne'],
        ogTitle: 'Naviguez avec l’École du Lac',
        twitterCard: 'summary',
      },
      courses: { metaTitle: 'Nos cours – École du Lac', metaDescription: 'Tous nos cours de voile.' },
      legal: { noindex: true },
    },
  });
  // A course kept out of search engines by its own SEO record.
  const regatta = lac.courses[2]!;
  await e.api.seo.create(lac.site.id, { page: `course:${regatta.id}`, noindex: true });

  speed = await createTestSite(e, {
    site: {
      name: 'Speed-L Academy',
      slug: `speed-${suffix}`,
      domain: speedHost,
      description: 'Motorboat lessons in Geneva.',
      locale: 'en-GB',
      theme: { primaryColor: '#b91c1c', secondaryColor: '#1e293b' },
    },
    courses: [
      { title: 'Motorboat licence', description: '<p>Theory and practice.</p>', price: 990, currency: 'CHF' },
    ],
    contents: {
      'privacy.body': { type: 'richtext', data: { html: '<p>We keep your messages private.</p>' } },
    },
    seo: {
      home: {
        metaTitle: 'Speed-L Academy – Boat licences in Geneva',
        metaDescription: 'Boat licences, fast.',
      },
    },
  });
});
afterAll(() => e.close());

async function page(host: string, url: string): Promise<{ response: LightMyRequestResponse; $: CheerioAPI }> {
  const response = await e.page(host, url);
  return { response, $: load(response.body) };
}

function head($: CheerioAPI) {
  const meta = (attribute: string, key: string) => $(`head meta[${attribute}="${key}"]`).attr('content');
  return {
    lang: $('html').attr('lang'),
    title: $('head title').text(),
    description: meta('name', 'description'),
    keywords: meta('name', 'keywords'),
    robots: meta('name', 'robots'),
    canonical: $('head link[rel=canonical]').attr('href'),
    og: {
      title: meta('property', 'og:title'),
      description: meta('property', 'og:description'),
      url: meta('property', 'og:url'),
      image: meta('property', 'og:image'),
      siteName: meta('property', 'og:site_name'),
      locale: meta('property', 'og:locale'),
    },
    twitter: {
      card: meta('name', 'twitter:card'),
      title: meta('name', 'twitter:title'),
      description: meta('name', 'twitter:description'),
      image: meta('name', 'twitter:image'),
    },
  };
}

/** Every JSON-LD block, parsed (a block that is not valid JSON fails the test). */
function jsonLd($: CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((element) => JSON.parse($(element).text()) as Record<string, unknown>);
}

function ofType(blocks: Record<string, unknown>[], type: string) {
  const found = blocks.find((block) => block['@type'] === type);
  expect(found, `JSON-LD of type ${type}`).toBeDefined();
  expect(found!['@context']).toBe('https://schema.org');
  return found!;
}

describe('public sites served by one process', () => {
  it('home: exact SEO tags of each site from its own records, in its language, with its logo and colours', async () => {
    const logoUrl = `https://${lacHost}${lac.site.logo!.url}`;
    const a = await page(lacHost, '/');
    expect(a.response.statusCode).toBe(200);
    expect(a.response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(head(a.$)).toEqual({
      lang: 'fr-CH',
      title: 'École du Lac – Cours de voile à Lausanne',
      description: 'Cours de voile pour tous les niveaux, à Lausanne.',
      keywords: 'voile, Lausanne',
      robots: undefined,
      canonical: `https://${lacHost}/`,
      og: {
        title: 'Naviguez avec l’École du Lac',
        description: 'Cours de voile pour tous les niveaux, à Lausanne.',
        url: `https://${lacHost}/`,
        image: logoUrl,
        siteName: 'École du Lac',
        locale: 'fr_CH',
      },
      twitter: {
        card: 'summary',
        title: 'Naviguez avec l’École du Lac',
        description: 'Cours de voile pour tous les niveaux, à Lausanne.',
        image: logoUrl,
      },
    });
    expect(a.$('h1').text()).toBe('Apprenez la voile sur le Léman');
    expect(a.$('a.brand img').attr('src')).toBe(lac.site.logo!.url);
    expect(a.$('head style').text()).toContain('--primary:#0e7490');
    const organization = ofType(jsonLd(a.$), 'LocalBusiness');
    expect(organization).toMatchObject({
      name: 'École du Lac',
      url: `https://${lacHost}/`,
      logo: logoUrl,
      telephone: '+41 21 555 12 34',
      address: 'Quai du Lac 1, 1006 Lausanne',
      sameAs: ['https://facebook.com/ecoledulac'],
    });
    expect(ofType(jsonLd(a.$), 'WebSite')).toMatchObject({ name: 'École du Lac', inLanguage: 'fr-CH' });

    const b = await page(speedHost, '/');
    expect(head(b.$)).toMatchObject({
      lang: 'en-GB',
      title: 'Speed-L Academy – Boat licences in Geneva',
      description: 'Boat licences, fast.',
      canonical: `https://${speedHost}/`,
      og: { siteName: 'Speed-L Academy', locale: 'en_GB', image: undefined },
    });
    expect(b.$('a.brand img').length).toBe(0);
    expect(b.$('head style').text()).toContain('--primary:#b91c1c');
    expect(
      b
        .$('nav a')
        .map((_, el) => b.$(el).attr('href'))
        .get(),
    ).toEqual(['/', '/courses', '/contact']);
    expect(ofType(jsonLd(b.$), 'Organization')).toMatchObject({ name: 'Speed-L Academy' });
  });

  it('course list: the SEO record, status badges and an ItemList of the courses', async () => {
    const { response, $ } = await page(lacHost, '/formations');
    expect(response.statusCode).toBe(200);
    expect(head($)).toMatchObject({
      title: 'Nos cours – École du Lac',
      description: 'Tous nos cours de voile.',
      canonical: `https://${lacHost}/formations`,
      og: { title: 'Nos cours – École du Lac', url: `https://${lacHost}/formations` },
      twitter: { card: 'summary_large_image', title: 'Nos cours – École du Lac' },
    });
    expect(
      $('.card .badge')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['Inscriptions ouvertes', 'Complet', 'Inscriptions ouvertes']);
    const list = ofType(jsonLd($), 'ItemList') as { itemListElement: { url: string }[] };
    expect(list.itemListElement.map((item) => item.url)).toEqual(
      lac.courses.map((course) => `https://${lacHost}/formations/${course.slug}`),
    );
  });

  it('course page: SEO derived from the course, facts in the site’s format, Course JSON-LD with its offer', async () => {
    const course = lac.courses[0]!;
    const { response, $ } = await page(lacHost, `/formations/${course.slug}`);
    expect(response.statusCode).toBe(200);
    const url = `https://${lacHost}/formations/${course.slug}`;
    expect(head($)).toEqual({
      lang: 'fr-CH',
      title: 'Permis voile – École du Lac',
      description: 'Préparez le permis de voile en dix leçons sur le Léman.',
      keywords: undefined,
      robots: undefined,
      canonical: url,
      og: {
        title: 'Permis voile – École du Lac',
        description: 'Préparez le permis de voile en dix leçons sur le Léman.',
        url,
        image: `https://${lacHost}${lac.site.logo!.url}`,
        siteName: 'École du Lac',
        locale: 'fr_CH',
      },
      twitter: {
        card: 'summary_large_image',
        title: 'Permis voile – École du Lac',
        description: 'Préparez le permis de voile en dix leçons sur le Léman.',
        image: `https://${lacHost}${lac.site.logo!.url}`,
      },
    });
    const facts = $('.panel .facts').text();
    expect(facts).toMatch(/4\s?–\s?6 mai/);
    expect(facts).toMatch(/1\s250\sCHF/);
    expect(facts).toContain('4 places disponibles');
    expect($('.panel a.button').attr('href')).toBe('https://inscriptions.example.com/voile');
    const ld = ofType(jsonLd($), 'Course');
    expect(ld).toMatchObject({
      name: 'Permis voile',
      url,
      provider: { name: 'École du Lac' },
      offers: [
        { '@type': 'Offer', price: 1250, priceCurrency: 'CHF', availability: 'https://schema.org/InStock' },
      ],
      hasCourseInstance: [
        {
          '@type': 'CourseInstance',
          startDate: `${nextYear}-05-04`,
          endDate: `${nextYear}-05-06`,
          location: { name: 'Port de Pully' },
        },
      ],
    });
    expect(ofType(jsonLd($), 'BreadcrumbList')).toBeDefined();

    // The English site: its own slugs and formats.
    const english = await page(speedHost, `/courses/${speed.courses[0]!.slug}`);
    expect(head(english.$).title).toBe('Motorboat licence – Speed-L Academy');
    expect(english.$('.panel .facts').text()).toMatch(/CHF\s990/);
  });

  it('contact page: exact SEO tags (a record without texts falls back to the page name and the site), the form and its token', async () => {
    const { response, $ } = await page(lacHost, '/contact');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const url = `https://${lacHost}/contact`;
    const logo = `https://${lacHost}${lac.site.logo!.url}`;
    expect(head($)).toEqual({
      lang: 'fr-CH',
      title: 'Contact – École du Lac',
      description: 'Cours de voile sur le Léman.',
      keywords: undefined,
      robots: undefined,
      canonical: url,
      og: {
        title: 'Contact – École du Lac',
        description: 'Cours de voile sur le Léman.',
        url,
        image: logo,
        siteName: 'École du Lac',
        locale: 'fr_CH',
      },
      twitter: {
        card: 'summary_large_image',
        title: 'Contact – École du Lac',
        description: 'Cours de voile sur le Léman.',
        image: logo,
      },
    });
    expect(ofType(jsonLd($), 'LocalBusiness')).toMatchObject({ email: 'info@ecole-du-lac.ch' });
    expect($('form[method=post]').attr('action')).toBe('/contact');
    expect(String($('input[name=formToken]').val())).toMatch(/\S{20,}/);
    expect($('input[name=website]').length).toBe(1);
    expect($('script[type=module]').attr('src')).toMatch(/^\/_assets\/islands-[\w-]+\.js$/);
    const script = await e.page(lacHost, $('script[type=module]').attr('src')!);
    expect(script.statusCode).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('about, legal and privacy pages exist when their text does; legal is noindex as its record says', async () => {
    const about = await page(lacHost, '/a-propos');
    expect(about.response.statusCode).toBe(200);
    expect(head(about.$)).toMatchObject({
      title: 'À propos – École du Lac',
      canonical: `https://${lacHost}/a-propos`,
    });
    const legal = await page(lacHost, '/mentions-legales');
    expect(legal.response.statusCode).toBe(200);
    expect(head(legal.$)).toMatchObject({ title: 'Mentions légales – École du Lac', robots: 'noindex' });
    expect((await page(lacHost, '/protection-des-donnees')).response.statusCode).toBe(404);
    expect((await page(speedHost, '/privacy')).response.statusCode).toBe(200);
    expect((await page(speedHost, '/about')).response.statusCode).toBe(404);
  });

  it('answers 404 with a noindex page for an unknown path or course, and for an unknown host', async () => {
    for (const url of ['/nulle-part', '/formations/inconnue', '/courses']) {
      const { response, $ } = await page(lacHost, url);
      expect(response.statusCode, url).toBe(404);
      expect(head($)).toMatchObject({
        title: 'Page introuvable – École du Lac',
        robots: 'noindex',
        canonical: undefined,
      });
    }
    const unknown = await page('nobody.example.org', '/');
    expect(unknown.response.statusCode).toBe(404);
    expect(unknown.$('h1').text()).toBe('Aucun site à cette adresse');
    // A host name no site could have is no site either (not a server error).
    expect((await page(`${'x'.repeat(300)}.example.org`, '/')).response.statusCode).toBe(404);
    // The API keeps its own 404s.
    const api = await e.page(lacHost, '/api/v1/nope');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

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
