import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { media } from './media';
import { sites } from './sites';

export const contentType = pgEnum('content_type', ['text', 'richtext', 'image', 'link', 'list', 'json']);

/**
 * A keyed content block of a site (`home.hero`). `data` holds what the type takes; the image of an
 * `image` block lives in `media_id` (not in `data`), so the foreign key keeps it honest when the
 * media is deleted.
 */
export const contents = pgTable(
  'contents',
  {
    id: id(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    type: contentType().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    mediaId: uuid().references(() => media.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('contents_site_key_unique').on(t.siteId, t.key), index().on(t.mediaId)],
);
