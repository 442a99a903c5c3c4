import {
  contentKey,
  courseIdOfSeoPage,
  createCourseBody,
  createSeoBody,
  createSiteBody,
  id,
  mediaKind,
  slug,
  timestamp,
  upsertContentBody,
} from '@swigs/schema';
import { z } from 'zod';

/**
 * The `swigs-site` archive, version 1: a gzipped tar with
 *
 *   manifest.json   format, version, where and when it was made, the sha256 and size of every file
 *   site.json       the site's settings and records (this file's schema, `siteArchiveData`)
 *   media/<name>    every uploaded file of the site (originals and image variants), as stored
 *
 * Records keep the ids they had, so that site.json can say which media a course shows; an import
 * gives every record a new id and renames every file. Records are validated with the API's own
 * request schemas, so an archive cannot bring in what the API would refuse.
 */
export const siteArchiveFormat = 'swigs-site';
export const siteArchiveFormatVersion = 1;

export const manifestPath = 'manifest.json';
export const dataPath = 'site.json';

/** A stored file name as the media service makes them: `<32 hex>.<ext>`, variants `<32 hex>-<width>.webp`. */
export const storedNamePattern = /^[0-9a-f]{32}(?:-\d{1,5})?\.[a-z0-9]{2,5}$/;
const archiveFile = z
  .string()
  .refine((value) => value.startsWith('media/') && storedNamePattern.test(value.slice(6)), {
    message: 'Expected media/<stored name>.',
  });

const archiveFileEntry = z.object({
  /** Path inside the archive, with forward slashes. */
  path: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const siteArchiveManifest = z.object({
  format: z.literal(siteArchiveFormat),
  formatVersion: z.literal(siteArchiveFormatVersion),
  createdAt: timestamp,
  app: z.object({ version: z.string() }),
  /** The site as it was where the archive was made (its id appears in upload URLs of rich text). */
  site: z.object({ id, slug: z.string(), name: z.string() }),
  /** Media left out because their files were missing (an export with allowMissingFiles). */
  omittedMedia: z.array(z.object({ id, file: z.string() })).default([]),
  /** Every file of the archive except the manifest itself. */
  files: z.array(archiveFileEntry),
});
export type SiteArchiveManifest = z.infer<typeof siteArchiveManifest>;

const times = { createdAt: timestamp, updatedAt: timestamp };

const archiveVariant = z.object({
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  file: archiveFile,
  mimeType: z.literal('image/webp'),
  size: z.number().int().min(0),
});

const archiveMedia = z.object({
  id,
  kind: mediaKind,
  file: archiveFile,
  originalName: z.string().max(255),
  mimeType: z.string().max(200),
  size: z.number().int().min(0),
  width: z.number().int().min(0).nullable(),
  height: z.number().int().min(0).nullable(),
  alt: z.string().max(500),
  title: z.string().max(200),
  variants: z.array(archiveVariant).max(20),
  ...times,
});
export type ArchiveMedia = z.infer<typeof archiveMedia>;

const archiveSite = createSiteBody.safeExtend({ logoId: id.nullable(), ...times });

const archiveCourse = createCourseBody.safeExtend({
  id,
  slug,
  position: z.number().int().min(0).max(1_000_000),
  ...times,
});
export type ArchiveCourse = z.infer<typeof archiveCourse>;

/** A content block as `PUT /contents/:key` takes it (an image block names its media in data.mediaId). */
const archiveContent = z.intersection(z.object({ key: contentKey, ...times }), upsertContentBody);
export type ArchiveContent = z.infer<typeof archiveContent>;

const archiveSeo = createSeoBody.safeExtend(times);
export type ArchiveSeo = z.infer<typeof archiveSeo>;

/** A message of the inbox, as received (suspected spam included). */
const archiveContact = z.object({
  name: z.string().max(200),
  email: z.string().max(254),
  phone: z.string().max(50),
  subject: z.string().max(200),
  message: z.string().max(10_000),
  read: z.boolean(),
  spam: z.boolean(),
  spamSignals: z.array(z.string().max(50)).max(20),
  ...times,
});
export type ArchiveContact = z.infer<typeof archiveContact>;

/** Every reference inside the archive points at a record of the archive, and names are unique. */
function checkReferences(data: SiteArchiveDataShape, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const unique = <T>(list: T[], keyOf: (item: T) => string, field: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const key = keyOf(item);
      if (seen.has(key)) issue([field, index], `${what} "${key}" appears twice.`);
      seen.add(key);
    });
    return seen;
  };
  const mediaIds = unique(data.media, (m) => m.id, 'media', 'Media id');
  unique(
    data.media.flatMap((m) => [m.file, ...m.variants.map((v) => v.file)]),
    (file) => file,
    'media',
    'File',
  );
  const courseIds = unique(data.courses, (c) => c.id, 'courses', 'Course id');
  const courseSlugs = unique(data.courses, (c) => c.slug, 'courses', 'Course slug');
  unique(data.retiredCourseSlugs, (r) => r.slug, 'retiredCourseSlugs', 'Former course slug');
  data.retiredCourseSlugs.forEach((retired, index) => {
    if (courseSlugs.has(retired.slug))
      issue(
        ['retiredCourseSlugs', index, 'slug'],
        `"${retired.slug}" is the slug of a course of the archive.`,
      );
    if (retired.courseId && !courseIds.has(retired.courseId))
      issue(['retiredCourseSlugs', index, 'courseId'], `Course ${retired.courseId} is not in the archive.`);
  });
  unique(data.contents, (c) => c.key, 'contents', 'Content key');
  unique(data.seo, (s) => s.page, 'seo', 'SEO page');
  const media = (path: (string | number)[], mediaId: string | null | undefined) => {
    if (mediaId && !mediaIds.has(mediaId)) issue(path, `Media ${mediaId} is not in the archive.`);
  };
  media(['site', 'logoId'], data.site.logoId);
  data.courses.forEach((course, index) => {
    media(['courses', index, 'imageId'], course.imageId);
  });
  data.contents.forEach((content, index) => {
    if (content.type === 'image') media(['contents', index, 'data', 'mediaId'], content.data.mediaId);
  });
  data.seo.forEach((record, index) => {
    media(['seo', index, 'ogImageId'], record.ogImageId);
    media(['seo', index, 'twitterImageId'], record.twitterImageId);
    const courseId = courseIdOfSeoPage(record.page);
    if (courseId && !courseIds.has(courseId))
      issue(['seo', index, 'page'], `Course ${courseId} is not in the archive.`);
  });
}

const siteArchiveDataShape = z.object({
  format: z.literal(siteArchiveFormat),
  formatVersion: z.literal(siteArchiveFormatVersion),
  site: archiveSite,
  media: z.array(archiveMedia).max(100_000),
  courses: z.array(archiveCourse).max(100_000),
  contents: z.array(archiveContent).max(100_000),
  seo: z.array(archiveSeo).max(100_000),
  contacts: z.array(archiveContact).max(1_000_000),
  /**
   * Former course addresses: a course's old slugs (`courseId` set, the page redirects) and deleted
   * courses' slugs (`courseId` null, 410). Absent from archives made before it existed.
   */
  retiredCourseSlugs: z
    .array(z.object({ slug, courseId: id.nullable() }))
    .max(100_000)
    .default([]),
});
type SiteArchiveDataShape = z.output<typeof siteArchiveDataShape>;

export const siteArchiveData = siteArchiveDataShape.superRefine(checkReferences);
export type SiteArchiveData = z.output<typeof siteArchiveData>;
/** What an export writes (before defaults and trimming are applied by the import's parse). */
export type SiteArchiveDataInput = z.input<typeof siteArchiveData>;
