import type { Contact } from '@swigs/schema';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { contacts } from '../../db/schema';
import { likePattern, limitOffset } from '../../lib/pagination';

type ContactRow = typeof contacts.$inferSelect;

function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    siteId: row.siteId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    subject: row.subject,
    message: row.message,
    read: row.read,
    spam: row.spam,
    spamSignals: row.spamSignals,
    receivedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export interface NewContact {
  siteId: string;
  name: string;
  email: string;
  phone: string;
  subject: string;
  message: string;
  spam: boolean;
  spamSignals: string[];
}

export interface ContactFilter {
  q?: string | undefined;
  status?: 'read' | 'unread' | undefined;
  spam: boolean;
}

export interface ContactChanges {
  read?: boolean | undefined;
  spam?: boolean | undefined;
}

function whereOf(siteId: string, filter: ContactFilter): SQL {
  const conditions: SQL[] = [eq(contacts.siteId, siteId), eq(contacts.spam, filter.spam)];
  if (filter.status) conditions.push(eq(contacts.read, filter.status === 'read'));
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(
      or(
        ilike(contacts.name, pattern),
        ilike(contacts.email, pattern),
        ilike(contacts.subject, pattern),
        ilike(contacts.message, pattern),
      )!,
    );
  }
  return and(...conditions)!;
}

/** Unread first, then newest first; the id breaks ties so pages never overlap. */
const inboxOrder = [asc(contacts.read), desc(contacts.createdAt), desc(contacts.id)];

export function createContactsRepository(db: Database) {
  return {
    async insert(executor: Executor, values: NewContact): Promise<string> {
      const [row] = await executor.insert(contacts).values(values).returning({ id: contacts.id });
      return row!.id;
    },

    async list(siteId: string, filter: ContactFilter & { page: number; pageSize: number }) {
      const where = whereOf(siteId, filter);
      const { limit, offset } = limitOffset(filter);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(contacts)
          .where(where)
          .orderBy(...inboxOrder)
          .limit(limit)
          .offset(offset),
        db.select({ value: count() }).from(contacts).where(where),
      ]);
      return { rows: rows.map(toContact), total: total?.value ?? 0 };
    },

    /** Every message matching the filter, in inbox order, for an export (bounded by `max`). */
    async listAll(siteId: string, filter: ContactFilter, max: number): Promise<Contact[]> {
      const rows = await db
        .select()
        .from(contacts)
        .where(whereOf(siteId, filter))
        .orderBy(...inboxOrder)
        .limit(max);
      return rows.map(toContact);
    },

    async findById(siteId: string, id: string, executor: Executor = db): Promise<Contact | undefined> {
      const [row] = await executor
        .select()
        .from(contacts)
        .where(and(eq(contacts.siteId, siteId), eq(contacts.id, id)));
      return row ? toContact(row) : undefined;
    },

    async update(
      executor: Executor,
      siteId: string,
      id: string,
      changes: ContactChanges,
      expectedVersion: number,
    ): Promise<boolean> {
      const rows = await executor
        .update(contacts)
        .set({ ...changes, updatedAt: sql`now()`, version: sql`${contacts.version} + 1` })
        .where(and(eq(contacts.siteId, siteId), eq(contacts.id, id), eq(contacts.version, expectedVersion)))
        .returning({ id: contacts.id });
      return rows.length > 0;
    },

    /** Applies one change to many messages of a site; ids of other sites match nothing. */
    async updateMany(
      executor: Executor,
      siteId: string,
      ids: string[],
      changes: ContactChanges,
    ): Promise<number> {
      const rows = await executor
        .update(contacts)
        .set({ ...changes, updatedAt: sql`now()`, version: sql`${contacts.version} + 1` })
        .where(and(eq(contacts.siteId, siteId), inArray(contacts.id, ids)))
        .returning({ id: contacts.id });
      return rows.length;
    },

    async deleteMany(executor: Executor, siteId: string, ids: string[]): Promise<number> {
      const rows = await executor
        .delete(contacts)
        .where(and(eq(contacts.siteId, siteId), inArray(contacts.id, ids)))
        .returning({ id: contacts.id });
      return rows.length;
    },

    /** Unread messages in a site's inbox (spam not counted): for dashboards and badges. */
    async countUnread(siteId: string): Promise<number> {
      const [row] = await db
        .select({ value: count() })
        .from(contacts)
        .where(and(eq(contacts.siteId, siteId), eq(contacts.read, false), eq(contacts.spam, false)));
      return row?.value ?? 0;
    },
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
