import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Embedded, startEmbedded } from './embedded';
import {
  createTwoSites,
  page as fetchPage,
  head,
  jsonLd,
  nextYear,
  ofType,
  type TwoSites,
} from './two-sites';

/**
 * Two sites with different domains served by one process: each page type is fetched with the
 * site's Host header and its HTML parsed, to check the exact SEO tags and the JSON-LD.
 */

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

describe('public sites served by one process: pages', () => {
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

  it('redirects a course’s former address to its new one (301) and answers 410 once it is deleted', async () => {
    const course = await e.api.courses.create(lac.site.id, {
      title: 'Croisière d’automne',
      slug: 'croisiere',
    });
    expect((await page(lacHost, '/formations/croisiere')).response.statusCode).toBe(200);
    await e.api.courses.update(lac.site.id, course.id, {
      slug: 'croisiere-automne',
      version: course.version,
    });

    const moved = await e.page(lacHost, '/formations/croisiere');
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe('/formations/croisiere-automne');
    const current = await page(lacHost, '/formations/croisiere-automne');
    expect(current.response.statusCode).toBe(200);
    expect(head(current.$).canonical).toBe(`https://${lacHost}/formations/croisiere-automne`);
    // The preview path keeps its prefix.
    const preview = await e.page('127.0.0.1', `/preview/${lac.site.slug}/formations/croisiere`);
    expect(preview.statusCode).toBe(301);
    expect(preview.headers.location).toBe(`/preview/${lac.site.slug}/formations/croisiere-automne`);

    await e.api.courses.delete(lac.site.id, course.id);
    for (const url of ['/formations/croisiere', '/formations/croisiere-automne']) {
      const { response, $ } = await page(lacHost, url);
      expect(response.statusCode, url).toBe(410);
      expect(head($)).toMatchObject({ robots: 'noindex', canonical: undefined });
    }
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
});
