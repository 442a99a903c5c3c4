import { sql } from 'drizzle-orm';
import { boolean, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { media } from './media';
import { sites } from './sites';

/** SEO of one page of a site: a default page, a custom path, or a `course:<id>` override. */
export const seo = pgTable(
  'seo',
  {
    id: id(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    page: text().notNull(),
    metaTitle: text().notNull().default(''),
    metaDescription: text().notNull().default(''),
    keywords: text().array().notNull().default(sql`'{}'::text[]`),
    ogTitle: text().notNull().default(''),
    ogDescription: text().notNull().default(''),
    ogImageId: uuid().references(() => media.id, { onDelete: 'set null' }),
    twitterCard: text().notNull().default('summary_large_image'),
    twitterTitle: text().notNull().default(''),
    twitterDescription: text().notNull().default(''),
    twitterImageId: uuid().references(() => media.id, { onDelete: 'set null' }),
    canonicalUrl: text().notNull().default(''),
    noindex: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('seo_site_page_unique').on(t.siteId, t.page)],
);
