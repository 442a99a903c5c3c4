import { z } from 'zod';
import { id, paginationQuery, timestamp, version } from './common';
import { httpUrl } from './courses';
import { mediaRef } from './media';

/** Pages every site has an SEO record for, created with the site and never deleted. */
export const defaultSeoPages = ['home', 'about', 'courses', 'contact', 'legal'] as const;
export type DefaultSeoPage = (typeof defaultSeoPages)[number];

const customPathPattern = /^\/[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;
const courseOverridePattern = /^course:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Which page an SEO record describes: one of the default pages, a custom path (`/tarifs`,
 * `/cours/ete`), or `course:<courseId>` to override what a course page derives from the course.
 */
export const seoPage = z
  .string()
  .trim()
  .max(200)
  .refine(
    (value) =>
      (defaultSeoPages as readonly string[]).includes(value) ||
      customPathPattern.test(value) ||
      courseOverridePattern.test(value),
    {
      message:
        'Use home, about, courses, contact, legal, a path such as /tarifs (lower-case), or course:<course id>.',
    },
  );

export function isDefaultSeoPage(page: string): page is DefaultSeoPage {
  return (defaultSeoPages as readonly string[]).includes(page);
}

/** The course id of a `course:<id>` page, or undefined. */
export function courseIdOfSeoPage(page: string): string | undefined {
  return courseOverridePattern.test(page) ? page.slice('course:'.length) : undefined;
}

export const twitterCards = ['summary', 'summary_large_image'] as const;
export const twitterCard = z.enum(twitterCards);

export const seoRecord = z.object({
  id,
  siteId: id,
  page: z.string(),
  metaTitle: z.string(),
  metaDescription: z.string(),
  keywords: z.array(z.string()),
  ogTitle: z.string(),
  ogDescription: z.string(),
  ogImageId: id.nullable(),
  ogImage: mediaRef.nullable(),
  twitterCard,
  twitterTitle: z.string(),
  twitterDescription: z.string(),
  twitterImageId: id.nullable(),
  twitterImage: mediaRef.nullable(),
  /** '' means "this page's own address". */
  canonicalUrl: z.string(),
  noindex: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type SeoRecord = z.infer<typeof seoRecord>;

const seoFields = {
  metaTitle: z.string().trim().max(300),
  metaDescription: z.string().trim().max(1000),
  keywords: z.array(z.string().trim().min(1).max(100)).max(50),
  ogTitle: z.string().trim().max(300),
  ogDescription: z.string().trim().max(1000),
  ogImageId: id.nullable(),
  twitterCard,
  twitterTitle: z.string().trim().max(300),
  twitterDescription: z.string().trim().max(1000),
  twitterImageId: id.nullable(),
  canonicalUrl: z.union([z.literal(''), httpUrl]),
  noindex: z.boolean(),
};

export const createSeoBody = z.object({
  page: seoPage,
  metaTitle: seoFields.metaTitle.default(''),
  metaDescription: seoFields.metaDescription.default(''),
  keywords: seoFields.keywords.default([]),
  ogTitle: seoFields.ogTitle.default(''),
  ogDescription: seoFields.ogDescription.default(''),
  ogImageId: seoFields.ogImageId.default(null),
  twitterCard: seoFields.twitterCard.default('summary_large_image'),
  twitterTitle: seoFields.twitterTitle.default(''),
  twitterDescription: seoFields.twitterDescription.default(''),
  twitterImageId: seoFields.twitterImageId.default(null),
  canonicalUrl: seoFields.canonicalUrl.default(''),
  noindex: seoFields.noindex.default(false),
});
export type CreateSeoBody = z.input<typeof createSeoBody>;

/** `page` may change on custom paths only; default pages keep theirs. */
export const updateSeoBody = z.object({
  page: seoPage.optional(),
  metaTitle: seoFields.metaTitle.optional(),
  metaDescription: seoFields.metaDescription.optional(),
  keywords: seoFields.keywords.optional(),
  ogTitle: seoFields.ogTitle.optional(),
  ogDescription: seoFields.ogDescription.optional(),
  ogImageId: seoFields.ogImageId.optional(),
  twitterCard: seoFields.twitterCard.optional(),
  twitterTitle: seoFields.twitterTitle.optional(),
  twitterDescription: seoFields.twitterDescription.optional(),
  twitterImageId: seoFields.twitterImageId.optional(),
  canonicalUrl: seoFields.canonicalUrl.optional(),
  noindex: seoFields.noindex.optional(),
  version: version.optional(),
});
export type UpdateSeoBody = z.input<typeof updateSeoBody>;

export const seoListQuery = paginationQuery.extend({
  /** `default` (the five pages), `custom` (paths) or `course` (course overrides). */
  kind: z.enum(['default', 'custom', 'course']).optional(),
});
export type SeoListQuery = z.input<typeof seoListQuery>;

/** A length past what search engines and social networks show: saved anyway, but worth a look. */
export const seoWarning = z.object({
  field: z.string(),
  code: z.literal('too_long'),
  message: z.string(),
  length: z.number().int(),
  limit: z.number().int(),
});
export type SeoWarning = z.infer<typeof seoWarning>;

/** Characters search engines and social networks show before cutting a text off. */
export const seoDisplayLimits = {
  metaTitle: 60,
  metaDescription: 160,
  ogTitle: 90,
  ogDescription: 200,
  twitterTitle: 70,
  twitterDescription: 200,
} as const;

/** Warnings for texts longer than what is shown; used by the API and by forms as the user types. */
export function seoLengthWarnings(
  fields: Partial<Record<keyof typeof seoDisplayLimits, string>>,
): SeoWarning[] {
  const warnings: SeoWarning[] = [];
  for (const [field, limit] of Object.entries(seoDisplayLimits)) {
    const value = fields[field as keyof typeof seoDisplayLimits];
    const length = value ? [...value].length : 0;
    if (length > limit) {
      warnings.push({
        field,
        code: 'too_long',
        message: `Search engines and social networks show about ${limit} characters; this has ${length}.`,
        length,
        limit,
      });
    }
  }
  return warnings;
}

/** Single-record answers carry the length warnings beside the record. */
export const seoResponse = z.object({ data: seoRecord, warnings: z.array(seoWarning) });
export type SeoResponse = z.infer<typeof seoResponse>;
