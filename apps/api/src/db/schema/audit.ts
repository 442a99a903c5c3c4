import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { sites } from './sites';

/**
 * One row per write: who (kept as a name too, so the trail survives the user), what, when, on
 * which record. Written in the same transaction as the change it describes. Entries of a site go
 * with the site; changes outside any site (users, a site's deletion) have no site id.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    siteId: uuid().references(() => sites.id, { onDelete: 'cascade' }),
    actorType: text().notNull(),
    actorId: uuid(),
    actorName: text().notNull(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    summary: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId, t.createdAt), index().on(t.createdAt)],
);
