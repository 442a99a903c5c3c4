import { z } from 'zod';
import { id, timestamp } from './common';
import { contentType } from './contents';
import { course } from './courses';
import { mediaRef } from './media';
import { twitterCard } from './seo';
import { siteContact, siteSocial, siteTheme } from './sites';

/**
 * The public read API (`/api/v1/public/sites/:site/...`, no login; `:site` is the slug or any host
 * name of the site). Only what a site may publish: no notification emails, no ids of editors.
 *
 * Every answer carries `ETag` (send it back in `If-None-Match` for a 304) and
 * `X-Content-Version`: the site's content version, which grows with every edit of anything the
 * public API shows (courses, contents, SEO, settings). A renderer that caches pages keys them by
 * site, path and this version, and polls `GET .../version` (tiny, cached) to learn about edits.
 */

export const contentVersionHeader = 'x-content-version';

export const publicSite = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** Primary host name; the site's canonical origin is `https://<domain>`. */
  domain: z.string(),
  aliases: z.array(z.string()),
  locale: z.string(),
  timeZone: z.string(),
  logo: mediaRef.nullable(),
  contact: siteContact,
  social: siteSocial,
  theme: siteTheme,
  contentVersion: z.number().int(),
});
export type PublicSite = z.infer<typeof publicSite>;

/** A course as visitors see it: the back office's course without its internal fields. */
export const publicCourse = course.pick({
  id: true,
  slug: true,
  title: true,
  number: true,
  description: true,
  startDate: true,
  endDate: true,
  registrationDeadline: true,
  price: true,
  currency: true,
  places: true,
  location: true,
  externalUrl: true,
  status: true,
  position: true,
  image: true,
  updatedAt: true,
});
export type PublicCourse = z.infer<typeof publicCourse>;

export const publicContent = z.object({
  key: z.string(),
  type: contentType,
  data: z.record(z.string(), z.unknown()),
  media: mediaRef.nullable(),
  updatedAt: timestamp,
});
export type PublicContent = z.infer<typeof publicContent>;

export const publicContentsQuery = z.object({
  /** Only keys starting with this, e.g. `home.` (characters of keys only: each prefix is cached apart). */
  prefix: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{1,100}$/, { message: 'Use the beginning of a key, e.g. "home."' })
    .optional(),
});
export type PublicContentsQuery = z.input<typeof publicContentsQuery>;

export const contentVersion = z.object({ siteId: id, version: z.number().int() });
export type ContentVersion = z.infer<typeof contentVersion>;

/** The SEO of one page with every fallback applied: ready for `<title>` and `<meta>` tags. */
export const resolvedSeo = z.object({
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  /** '' when the page's own address is canonical. */
  canonicalUrl: z.string(),
  noindex: z.boolean(),
  og: z.object({ title: z.string(), description: z.string(), image: mediaRef.nullable() }),
  twitter: z.object({
    card: twitterCard,
    title: z.string(),
    description: z.string(),
    image: mediaRef.nullable(),
  }),
});
export type ResolvedSeo = z.infer<typeof resolvedSeo>;

/**
 * `seo.json`: the SEO of every page of a site, regenerated after every SEO, course or settings
 * change, served at `GET /api/v1/public/sites/:site/seo.json` and written to
 * `DATA_DIR/seo/<siteId>/seo.json` for nginx.
 */
export const seoDocument = z.object({
  site: z.object({
    id,
    slug: z.string(),
    name: z.string(),
    domain: z.string(),
    locale: z.string(),
    /** `https://<domain>`: prefix it to a path for an absolute URL. */
    baseUrl: z.string(),
  }),
  /** The content version it was generated from. */
  version: z.number().int(),
  /** Keyed by page: `home`, `about`, `courses`, `contact`, `legal` and custom paths (`/tarifs`). */
  pages: z.record(z.string(), resolvedSeo),
  /**
   * Keyed by course slug, for every publicly visible course: derived from the course (title,
   * description, image), field by field overridden by its `course:<id>` record when there is one.
   */
  courses: z.record(z.string(), resolvedSeo),
});
export type SeoDocument = z.infer<typeof seoDocument>;
