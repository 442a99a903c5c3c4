import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { sites } from './sites';
import { users } from './users';

export const apiTokenScope = pgEnum('api_token_scope', ['read', 'write']);

/** Per-site API tokens. Only the SHA-256 of the secret is stored; the secret is shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    scope: apiTokenScope().notNull(),
    tokenHash: text().notNull().unique(),
    /** The first characters of the secret, to recognise a token in a list. */
    hint: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.siteId)],
);
