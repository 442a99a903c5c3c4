import {
  defaultSiteContact,
  defaultSiteSocial,
  defaultSiteTheme,
  type SiteContact,
  type SiteSocial,
  type SiteTheme,
} from '@swigs/schema';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { media } from './media';

export const sites = pgTable('sites', {
  id: id(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  locale: text().notNull().default('fr-CH'),
  timeZone: text().notNull().default('Europe/Zurich'),
  logoId: uuid().references((): AnyPgColumn => media.id, { onDelete: 'set null' }),
  contact: jsonb().$type<SiteContact>().notNull().default(defaultSiteContact),
  social: jsonb().$type<SiteSocial>().notNull().default(defaultSiteSocial),
  theme: jsonb().$type<SiteTheme>().notNull().default(defaultSiteTheme),
  notificationEmails: text().array().notNull().default(sql`'{}'::text[]`),
  /**
   * Grows with every edit of anything the public API shows (courses, contents, SEO, settings),
   * in the edit's own transaction: public caches and rendered pages are keyed by it.
   */
  contentVersion: integer().notNull().default(1),
  /** Send the visitor an acknowledgement of their contact message. */
  contactAcknowledgement: boolean().notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

/**
 * Every host name a site answers to: its domain (primary) and its aliases. One table so that the
 * database itself guarantees a host belongs to at most one site, and host → site is one index probe.
 */
export const siteDomains = pgTable(
  'site_domains',
  {
    host: text().primaryKey(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    isPrimary: boolean().notNull().default(false),
  },
  (t) => [
    index().on(t.siteId),
    uniqueIndex('site_domains_one_primary').on(t.siteId).where(sql`${t.isPrimary}`),
  ],
);
