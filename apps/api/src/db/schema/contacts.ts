import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { sites } from './sites';

/**
 * Messages sent through a site's contact form. Stored before any email is attempted; suspected
 * spam is stored too (with its signals), only never notified.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    email: text().notNull(),
    phone: text().notNull().default(''),
    subject: text().notNull().default(''),
    message: text().notNull(),
    read: boolean().notNull().default(false),
    spam: boolean().notNull().default(false),
    spamSignals: text().array().notNull().default(sql`'{}'::text[]`),
    /** When the message was received. */
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  // The inbox: one site, spam or not, unread first, newest first.
  (t) => [index().on(t.siteId, t.spam, t.read, t.createdAt)],
);
