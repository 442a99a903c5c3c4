import type { MediaRef, PublicCourse, ResolvedSeo, SeoDocument, SeoRecord } from '@swigs/schema';
import { courseIdOfSeoPage } from '@swigs/schema';
import { plainTextOf } from '../../lib/rich-text';

export interface SeoSite {
  id: string;
  slug: string;
  name: string;
  description: string;
  locale: string;
  domain: string;
  contentVersion: number;
  logo: MediaRef | null;
}

interface Fallbacks {
  title: string;
  description: string;
  image: MediaRef | null;
}

type SeoFields = Omit<SeoRecord, 'id' | 'siteId' | 'page' | 'createdAt' | 'updatedAt' | 'version'>;

/** Longest description kept when one is derived from a course's text. */
const derivedDescriptionLength = 160;

/** Cuts at a word boundary and marks the cut, so a derived description reads as a sentence. */
export function truncateText(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const cut = [...text].slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length > max / 2 ? atWord : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * One page's SEO with fallbacks, field by field: the meta title falls back to the page's default,
 * og:* to the meta fields, twitter:* to og:*. Images: the record's, else the default (the
 * course's image, the site's logo).
 */
export function resolveSeo(record: Partial<SeoFields> | undefined, fallbacks: Fallbacks): ResolvedSeo {
  const title = record?.metaTitle || fallbacks.title;
  const description = record?.metaDescription || fallbacks.description;
  const og = {
    title: record?.ogTitle || title,
    description: record?.ogDescription || description,
    image: record?.ogImage ?? fallbacks.image,
  };
  return {
    title,
    description,
    keywords: record?.keywords ?? [],
    canonicalUrl: record?.canonicalUrl ?? '',
    noindex: record?.noindex ?? false,
    og,
    twitter: {
      card: record?.twitterCard ?? 'summary_large_image',
      title: record?.twitterTitle || og.title,
      description: record?.twitterDescription || og.description,
      image: record?.twitterImage ?? og.image,
    },
  };
}

/**
 * The seo.json document of a site: every page record resolved, and every visible course with SEO
 * derived from the course (title, text, image) unless its `course:<id>` record says otherwise.
 */
export function buildSeoDocument(site: SeoSite, records: SeoRecord[], courses: PublicCourse[]): SeoDocument {
  const siteFallbacks: Fallbacks = { title: site.name, description: site.description, image: site.logo };
  const overrides = new Map<string, SeoRecord>();
  const pages: SeoDocument['pages'] = {};
  for (const record of records) {
    const courseId = courseIdOfSeoPage(record.page);
    if (courseId) overrides.set(courseId, record);
    else pages[record.page] = resolveSeo(record, siteFallbacks);
  }
  const coursePages: SeoDocument['courses'] = {};
  for (const course of courses) {
    coursePages[course.slug] = resolveSeo(overrides.get(course.id), {
      title: `${course.title} – ${site.name}`,
      description:
        truncateText(plainTextOf(course.description), derivedDescriptionLength) || site.description,
      image: course.image ?? site.logo,
    });
  }
  return {
    site: {
      id: site.id,
      slug: site.slug,
      name: site.name,
      domain: site.domain,
      locale: site.locale,
      baseUrl: site.domain ? `https://${site.domain}` : '',
    },
    version: site.contentVersion,
    pages,
    courses: coursePages,
  };
}
