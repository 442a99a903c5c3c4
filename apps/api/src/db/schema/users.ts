import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { sites } from './sites';

export const userRole = pgEnum('user_role', ['admin', 'editor']);

export const users = pgTable('users', {
  id: id(),
  /** Always stored lower-case (the API normalises it), so a plain unique index is enough. */
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  role: userRole().notNull().default('editor'),
  active: boolean().notNull().default(true),
  lastLoginAt: timestamp({ withTimezone: true }),
  passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

/** Which sites an editor is assigned to. Admins reach every site and need no rows here. */
export const userSites = pgTable(
  'user_sites',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId] }), index().on(t.siteId)],
);
