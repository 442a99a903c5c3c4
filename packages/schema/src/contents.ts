import { z } from 'zod';
import { id, paginationQuery, timestamp, version } from './common';
import { mediaRef } from './media';

/** `home.hero`, `about.body`, `legal.body`: lower-case words joined by dots, hyphens or underscores. */
export const contentKey = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, {
    message: 'Use lower-case words joined by dots, e.g. "home.hero".',
  });

export const contentTypes = ['text', 'richtext', 'image', 'link', 'list', 'json'] as const;
export const contentType = z.enum(contentTypes);
export type ContentType = z.infer<typeof contentType>;

/** The pages of the default public theme that read content blocks. */
export const themePages = ['home', 'about', 'contact', 'legal', 'privacy', 'footer'] as const;
export type ThemePage = (typeof themePages)[number];

/**
 * The blocks the default public theme (apps/site) reads, page by page, with the type each must
 * have. The admin lists them first so an editor can write them without knowing their keys; a
 * site may hold other blocks too (read by its own theme or the public API).
 */
export const themeContentBlocks = [
  { key: 'home.hero.title', type: 'text', page: 'home' },
  { key: 'home.hero.text', type: 'text', page: 'home' },
  { key: 'home.hero.image', type: 'image', page: 'home' },
  { key: 'home.hero.cta', type: 'link', page: 'home' },
  { key: 'home.about', type: 'text', page: 'home' },
  { key: 'about.body', type: 'richtext', page: 'about' },
  { key: 'about.image', type: 'image', page: 'about' },
  { key: 'contact.intro', type: 'text', page: 'contact' },
  { key: 'legal.body', type: 'richtext', page: 'legal' },
  { key: 'privacy.body', type: 'richtext', page: 'privacy' },
  { key: 'footer.text', type: 'text', page: 'footer' },
] as const satisfies ReadonlyArray<{ key: string; type: ContentType; page: ThemePage }>;
export type ThemeContentBlock = (typeof themeContentBlocks)[number];

/** Where a link may point: an absolute http(s) address, a path on the site, mailto: or tel:. */
export const linkTarget = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine(
    (value) =>
      /^\/(?!\/)/.test(value) ||
      /^mailto:[^\s]+$/i.test(value) ||
      /^tel:[+0-9 ()./-]+$/i.test(value) ||
      /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value),
    { message: 'Use an http(s) address, a path such as /contact, mailto: or tel:.' },
  );

/** Largest JSON block, serialised: content blocks are for settings-sized data, not documents. */
export const maxJsonContentBytes = 64 * 1024;

export const textContentData = z.object({ text: z.string().max(10_000) });
/** HTML; the server keeps only harmless markup. */
export const richtextContentData = z.object({ html: z.string().max(200_000) });
export const imageContentData = z.object({ mediaId: id.nullable(), alt: z.string().trim().max(500) });
export const linkContentData = z.object({ label: z.string().trim().max(200), url: linkTarget });
export const listContentData = z.object({ items: z.array(z.string().trim().max(2000)).max(200) });
export const jsonContentData = z.object({
  value: z.unknown().refine((value) => JSON.stringify(value ?? null).length <= maxJsonContentBytes, {
    message: `A JSON block is limited to ${maxJsonContentBytes / 1024} KB.`,
  }),
});

/** The body of `PUT /sites/:siteId/contents/:key`: a type and the data that type takes. */
export const upsertContentBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), data: textContentData, version: version.optional() }),
  z.object({ type: z.literal('richtext'), data: richtextContentData, version: version.optional() }),
  z.object({ type: z.literal('image'), data: imageContentData, version: version.optional() }),
  z.object({ type: z.literal('link'), data: linkContentData, version: version.optional() }),
  z.object({ type: z.literal('list'), data: listContentData, version: version.optional() }),
  z.object({ type: z.literal('json'), data: jsonContentData, version: version.optional() }),
]);
export type UpsertContentBody = z.input<typeof upsertContentBody>;

/**
 * Response form of a block. `data` follows `type` as in the request (rich text sanitised);
 * `media` is the resolved image of an `image` block, null for every other type.
 */
export const content = z.object({
  id,
  siteId: id,
  key: z.string(),
  type: contentType,
  data: z.record(z.string(), z.unknown()),
  media: mediaRef.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type Content = z.infer<typeof content>;

export const contentListQuery = paginationQuery.extend({
  /** Only keys starting with this, e.g. `home.` */
  prefix: z.string().trim().max(100).optional(),
  type: contentType.optional(),
});
export type ContentListQuery = z.input<typeof contentListQuery>;
