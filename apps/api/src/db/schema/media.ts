import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { sites } from './sites';
import { users } from './users';

export const mediaKind = pgEnum('media_kind', ['image', 'document']);

/** A responsive rendition of an image (WebP), stored beside the original. */
export interface StoredVariant {
  width: number;
  height: number;
  storedName: string;
  mimeType: string;
  size: number;
}

/**
 * One uploaded file of a site. The file lives at `<uploads>/<siteId>/<storedName>`: a random
 * name chosen by the server — nothing the client sends ever becomes part of a path.
 */
export const media = pgTable(
  'media',
  {
    id: id(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    kind: mediaKind().notNull(),
    storedName: text().notNull().unique(),
    originalName: text().notNull(),
    /** Sniffed from the content (magic bytes), never taken from the client. */
    mimeType: text().notNull(),
    size: integer().notNull(),
    width: integer(),
    height: integer(),
    alt: text().notNull().default(''),
    title: text().notNull().default(''),
    variants: jsonb().$type<StoredVariant[]>().notNull().default([]),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index().on(t.siteId, t.createdAt)],
);
