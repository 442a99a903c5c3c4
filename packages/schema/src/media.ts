import { z } from 'zod';
import { id, paginationQuery, timestamp, version } from './common';

export const mediaKinds = ['image', 'document'] as const;
export const mediaKind = z.enum(mediaKinds);
export type MediaKind = z.infer<typeof mediaKind>;

export const mediaVariant = z.object({
  width: z.number().int(),
  height: z.number().int(),
  /** Absolute path on the API host, e.g. `/uploads/<siteId>/<file>-640.webp`. */
  url: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
});
export type MediaVariant = z.infer<typeof mediaVariant>;

/** An uploaded file as the admin API shows it. */
export const media = z.object({
  id,
  siteId: id,
  kind: mediaKind,
  originalName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  alt: z.string(),
  title: z.string(),
  /** Path of the original under `/uploads/<siteId>/`, served with long-lived cache headers. */
  url: z.string(),
  variants: z.array(mediaVariant),
  uploadedBy: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type Media = z.infer<typeof media>;

/**
 * How other records (a course image, a site logo, an SEO image, an image content block) show a
 * media reference once resolved: enough to render `<img src srcset width height alt>`.
 */
export const mediaRef = z.object({
  id,
  url: z.string(),
  mimeType: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  alt: z.string(),
  variants: z.array(mediaVariant),
});
export type MediaRef = z.infer<typeof mediaRef>;

export const mediaListQuery = paginationQuery.extend({
  kind: mediaKind.optional(),
  q: z.string().trim().max(200).optional(),
});
export type MediaListQuery = z.input<typeof mediaListQuery>;

export const updateMediaBody = z.object({
  alt: z.string().trim().max(500).optional(),
  title: z.string().trim().max(200).optional(),
  version: version.optional(),
});
export type UpdateMediaBody = z.input<typeof updateMediaBody>;

/** A record that refers to a media file (it cannot be deleted without `force` while any exists). */
export const mediaUsage = z.object({
  /** What refers to it: `site-logo`, `course`, `content`, `seo`, … */
  type: z.string(),
  /** The referring record's id. */
  id: z.string(),
  /** A human label for it, e.g. the course title. */
  label: z.string(),
});
export type MediaUsage = z.infer<typeof mediaUsage>;

export const deleteMediaQuery = z.object({
  /** Delete even while in use: the references are cleared. */
  force: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type DeleteMediaQuery = z.input<typeof deleteMediaQuery>;

/** Text fields that may accompany the file in an upload (send them before the file part). */
export const uploadMediaFields = z.object({
  alt: z.string().trim().max(500).default(''),
  title: z.string().trim().max(200).default(''),
});
