import type { MediaRef, PublicCourse, SeoRecord } from '@swigs/schema';
import { describe, expect, it } from 'vitest';
import { buildSeoDocument, resolveSeo, truncateText } from './seo-document';

const logo: MediaRef = {
  id: '00000000-0000-4000-8000-000000000001',
  url: '/uploads/s/logo.png',
  mimeType: 'image/png',
  width: 10,
  height: 10,
  alt: 'Logo',
  variants: [],
};
const photo: MediaRef = { ...logo, id: '00000000-0000-4000-8000-000000000002', url: '/uploads/s/photo.webp' };
const site = {
  id: '00000000-0000-4000-8000-0000000000aa',
  slug: 'ecole',
  name: 'École du Lac',
  description: 'Cours de voile',
  locale: 'fr-CH',
  domain: 'ecole.ch',
  contentVersion: 7,
  logo,
};

function record(page: string, fields: Partial<SeoRecord> = {}): SeoRecord {
  return {
    id: '00000000-0000-4000-8000-0000000000bb',
    siteId: site.id,
    page,
    metaTitle: '',
    metaDescription: '',
    keywords: [],
    ogTitle: '',
    ogDescription: '',
    ogImageId: null,
    ogImage: null,
    twitterCard: 'summary_large_image',
    twitterTitle: '',
    twitterDescription: '',
    twitterImageId: null,
    twitterImage: null,
    canonicalUrl: '',
    noindex: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    version: 1,
    ...fields,
  };
}

describe('resolveSeo', () => {
  it('falls back field by field: meta → og → twitter, images to the default', () => {
    const resolved = resolveSeo(record('home', { metaTitle: 'Accueil', twitterDescription: 'Tweet' }), {
      title: 'Défaut',
      description: 'Desc',
      image: logo,
    });
    expect(resolved).toEqual({
      title: 'Accueil',
      description: 'Desc',
      keywords: [],
      canonicalUrl: '',
      noindex: false,
      og: { title: 'Accueil', description: 'Desc', image: logo },
      twitter: { card: 'summary_large_image', title: 'Accueil', description: 'Tweet', image: logo },
    });
  });
});

describe('truncateText', () => {
  it('keeps short text and cuts long text at a word, marking the cut', () => {
    expect(truncateText('Court.', 160)).toBe('Court.');
    const cut = truncateText('Un deux trois quatre cinq six sept huit', 20);
    expect(cut).toBe('Un deux trois…');
    expect([...cut].length).toBeLessThanOrEqual(20);
  });
});

describe('buildSeoDocument', () => {
  it('resolves pages, derives course SEO and applies course overrides', () => {
    const course: PublicCourse = {
      id: '00000000-0000-4000-8000-0000000000cc',
      slug: 'voile',
      title: 'Voile',
      number: '',
      description: '<p>Trois <strong>jours</strong> sur le lac.</p>',
      startDate: null,
      endDate: null,
      registrationDeadline: null,
      price: null,
      currency: 'CHF',
      places: null,
      location: '',
      externalUrl: '',
      status: 'active',
      position: 0,
      image: photo,
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const other = {
      ...course,
      id: '00000000-0000-4000-8000-0000000000dd',
      slug: 'kite',
      title: 'Kite',
      image: null,
    };
    const document = buildSeoDocument(
      site,
      [
        record('home', { metaTitle: 'Accueil' }),
        record('/tarifs'),
        record(`course:${other.id}`, { noindex: true }),
      ],
      [course, other],
    );
    expect(document.site).toEqual({
      id: site.id,
      slug: 'ecole',
      name: 'École du Lac',
      domain: 'ecole.ch',
      locale: 'fr-CH',
      baseUrl: 'https://ecole.ch',
    });
    expect(document.version).toBe(7);
    expect(Object.keys(document.pages)).toEqual(['home', '/tarifs']);
    expect(document.pages['/tarifs']!.title).toBe('École du Lac');
    expect(document.courses.voile).toMatchObject({
      title: 'Voile – École du Lac',
      description: 'Trois jours sur le lac.',
      og: { image: photo },
      noindex: false,
    });
    expect(document.courses.kite).toMatchObject({ noindex: true, og: { image: logo } });
  });
});
