import type {
  MediaRef,
  PublicContent,
  PublicCourse,
  PublicSite,
  ResolvedSeo,
  SeoDocument,
} from '@swigs/schema';
import { ApiError } from '@swigs/sdk';
import type { SiteAssets } from '../src/renderer/assets';
import { EncodedBody } from '../src/renderer/compress';
import { etagOf } from '../src/renderer/html-cache';
import type { SiteApi } from '../src/renderer/renderer';

/**
 * Fakes for the renderer's unit tests: a site with courses, contents and SEO as the public API
 * returns them, and a public client over them that counts its calls. Integration tests use the
 * real API instead (apps/site/src/**\/*.routes.test.ts).
 */

export const siteId = '11111111-1111-4111-8111-111111111111';
const now = '2025-06-01T10:00:00.000Z';

export function image(name: string, width = 1600, height = 900): MediaRef {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    url: `/uploads/${siteId}/${name}.jpg`,
    mimeType: 'image/jpeg',
    width,
    height,
    alt: `Image ${name}`,
    variants: [640, 1280].map((w) => ({
      width: w,
      height: Math.round((w * height) / width),
      url: `/uploads/${siteId}/${name}-${w}.webp`,
      mimeType: 'image/webp',
      size: w * 10,
    })),
  };
}

export function fakeSite(overrides: Partial<PublicSite> = {}): PublicSite {
  return {
    id: siteId,
    slug: 'ecole-du-lac',
    name: 'École du Lac',
    description: 'Cours de voile et de navigation sur le Léman.',
    domain: 'ecole-du-lac.ch',
    aliases: ['www.ecole-du-lac.ch'],
    locale: 'fr-CH',
    timeZone: 'Europe/Zurich',
    logo: null,
    contact: {
      email: 'info@ecole-du-lac.ch',
      phone: '+41 21 555 12 34',
      address: 'Quai du Lac 1, 1006 Lausanne',
    },
    social: {
      facebook: 'https://facebook.com/ecoledulac',
      instagram: '',
      linkedin: '',
      x: '',
      youtube: '',
      tiktok: '',
    },
    theme: { primaryColor: '#0e7490', secondaryColor: '#0f172a' },
    contentVersion: 1,
    ...overrides,
  };
}

export function fakeCourse(overrides: Partial<PublicCourse> = {}): PublicCourse {
  return {
    id: '33333333-3333-4333-8333-333333333333',
    slug: 'permis-voile',
    title: 'Permis voile',
    number: 'V-2025-01',
    description: '<p>Préparez le permis de voile <strong>en dix leçons</strong>.</p>',
    startDate: '2025-09-01',
    endDate: '2025-09-03',
    registrationDeadline: '2025-08-20',
    price: 1250,
    currency: 'CHF',
    places: 4,
    location: 'Port de Pully',
    externalUrl: 'https://inscriptions.example.ch/voile',
    status: 'active',
    position: 0,
    image: null,
    updatedAt: now,
    ...overrides,
  };
}

export function seo(title: string, description: string, overrides: Partial<ResolvedSeo> = {}): ResolvedSeo {
  return {
    title,
    description,
    keywords: [],
    canonicalUrl: '',
    noindex: false,
    og: { title, description, image: null },
    twitter: { card: 'summary_large_image', title, description, image: null },
    ...overrides,
  };
}

export function content(
  key: string,
  type: PublicContent['type'],
  data: Record<string, unknown>,
  media: MediaRef | null = null,
): PublicContent {
  return { key, type, data, media, updatedAt: now };
}

export interface FakeState {
  site: PublicSite;
  courses: PublicCourse[];
  contents: PublicContent[];
  seo: SeoDocument;
  version: number;
  /** Hosts and slugs the fake API knows the site by. */
  keys: string[];
  sent: Record<string, unknown>[];
  /** When set, the contact call fails with this problem. */
  contactProblem?: {
    status: number;
    code: string;
    errors?: { field: string; message: string; code: string }[];
  };
  calls: Record<string, number>;
}

export function fakeState(): FakeState {
  const site = fakeSite();
  const courses = [
    fakeCourse(),
    fakeCourse({
      id: '44444444-4444-4444-8444-444444444444',
      slug: 'croisiere-leman',
      title: 'Croisière sur le Léman',
      status: 'full',
      places: 0,
      position: 1,
      startDate: '2025-07-10',
      endDate: null,
      price: 0,
    }),
  ];
  return {
    site,
    courses,
    contents: [
      content('home.hero.title', 'text', { text: 'Apprenez la voile sur le Léman' }),
      content('about.body', 'richtext', { html: '<p>Depuis 1998, nous formons des navigateurs.</p>' }),
      content('legal.body', 'richtext', { html: '<p>Éditeur : École du Lac Sàrl.</p>' }),
    ],
    seo: {
      site: {
        id: siteId,
        slug: site.slug,
        name: site.name,
        domain: site.domain,
        locale: site.locale,
        baseUrl: `https://${site.domain}`,
      },
      version: 1,
      pages: {
        home: seo('École du Lac – Cours de voile à Lausanne', 'Cours de voile pour tous les niveaux.', {
          keywords: ['voile', 'Lausanne'],
        }),
        about: seo('À propos – École du Lac', 'Notre histoire.'),
        courses: seo('Formations – École du Lac', 'Toutes nos formations.'),
        contact: seo('Contact – École du Lac', 'Écrivez-nous.'),
        legal: seo('Mentions légales – École du Lac', 'Mentions légales.', { noindex: true }),
      },
      courses: {
        'permis-voile': seo('Permis voile – École du Lac', 'Préparez le permis de voile en dix leçons.'),
        'croisiere-leman': seo('Croisière sur le Léman – École du Lac', 'Une journée en mer.'),
      },
    },
    version: 1,
    keys: ['ecole-du-lac', 'ecole-du-lac.ch', 'www.ecole-du-lac.ch'],
    sent: [],
    calls: {},
  };
}

function notFound(code: string): ApiError {
  return new ApiError({ type: 'about:blank', title: 'Not found', status: 404, code: code as 'NOT_FOUND' });
}

/** A public client over `state`, counting calls by method. */
export function fakeApi(state: FakeState): SiteApi {
  const known = async (key: string) => {
    if (!state.keys.includes(key)) throw notFound('SITE_NOT_FOUND');
  };
  const count = (name: string) => {
    state.calls[name] = (state.calls[name] ?? 0) + 1;
  };
  return {
    async version(key) {
      count('version');
      await known(key);
      return { siteId, version: state.version };
    },
    async site(key) {
      count('site');
      await known(key);
      return { ...state.site, contentVersion: state.version };
    },
    async courses(key) {
      count('courses');
      await known(key);
      return state.courses;
    },
    async course(key, slug) {
      count('course');
      await known(key);
      const found = state.courses.find((course) => course.slug === slug);
      if (!found) throw notFound('COURSE_NOT_FOUND');
      return found;
    },
    async contents(key) {
      count('contents');
      await known(key);
      return state.contents;
    },
    async seo(key) {
      count('seo');
      await known(key);
      return state.seo;
    },
    contact: {
      async formToken(key) {
        count('contactToken');
        await known(key);
        return {
          token: `token-${state.calls.contactToken}`,
          minFillSeconds: 3,
          maxAgeSeconds: 86400,
          honeypotField: 'website',
        };
      },
      async send(key, body) {
        count('contact');
        await known(key);
        if (state.contactProblem) {
          throw new ApiError({
            type: 'about:blank',
            title: 'Refused',
            ...state.contactProblem,
          } as ConstructorParameters<typeof ApiError>[0]);
        }
        state.sent.push(body as Record<string, unknown>);
        return { received: true };
      },
    },
  };
}

/** A client build as the renderer sees it, without building: one stylesheet, one script. */
export function fakeAssets(): SiteAssets {
  const script = Buffer.from('console.log("islands");'.repeat(100));
  return {
    css: 'body{margin:0}',
    islands: { src: '/_assets/islands-abc123.js', preload: [] },
    files: new Map([
      [
        '/_assets/islands-abc123.js',
        {
          contentType: 'text/javascript; charset=utf-8',
          body: new EncodedBody(script),
          etag: etagOf(script),
        },
      ],
    ]),
  };
}
