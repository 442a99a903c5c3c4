import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { uniqueSuffix } from '../../api/test/factories';
import { createTestSite, type Embedded, type TestSite } from './embedded';

/**
 * Two sites with different domains, languages, logos, colours, contents and SEO, created through
 * the API on one embedded server: what the public-site tests fetch with each Host header.
 */
export interface TwoSites {
  lac: TestSite;
  speed: TestSite;
  lacHost: string;
  speedHost: string;
}

export const nextYear = new Date().getUTCFullYear() + 1;

export async function createTwoSites(e: Embedded): Promise<TwoSites> {
  const suffix = uniqueSuffix();
  const lacHost = `lac-${suffix}.example.ch`;
  const speedHost = `speed-${suffix}.example.ch`;
  const lac = await createTestSite(e, {
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

  const speed = await createTestSite(e, {
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
  return { lac, speed, lacHost, speedHost };
}

/** A page of a site, fetched with its Host header, and its parsed HTML. */
export async function page(
  e: Embedded,
  host: string,
  url: string,
): Promise<{ response: LightMyRequestResponse; $: CheerioAPI }> {
  const response = await e.page(host, url);
  return { response, $: load(response.body) };
}

/** The SEO tags of a parsed page. */
export function head($: CheerioAPI) {
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
export function jsonLd($: CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((element) => JSON.parse($(element).text()) as Record<string, unknown>);
}

export function ofType(blocks: Record<string, unknown>[], type: string) {
  const found = blocks.find((block) => block['@type'] === type);
  expect(found, `JSON-LD of type ${type}`).toBeDefined();
  expect(found!['@context']).toBe('https://schema.org');
  return found!;
}
