import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns shared by every editable record. */
export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
/** Optimistic concurrency: bumped by every update, compared against the version the client read. */
export const version = () => integer().notNull().default(1);
