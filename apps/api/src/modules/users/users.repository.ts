import type { Role, User, userListQuery } from '@swigs/schema';
import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client';
import { userSites, users } from '../../db/schema';
import { likePattern, limitOffset } from '../../lib/pagination';

type UserRow = typeof users.$inferSelect;

/** Sorted ids of the sites a user is assigned to, as one array column. */
const siteIdsColumn = sql<string[]>`coalesce((
  select array_agg(${userSites.siteId}::text order by ${userSites.siteId})
  from ${userSites} where ${userSites.userId} = ${users.id}), '{}')`;

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  version: users.version,
  siteIds: siteIdsColumn,
};

type UserSelection = Omit<UserRow, 'passwordHash' | 'passwordChangedAt'> & { siteIds: string[] };

function toUser(row: UserSelection): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    siteIds: row.siteIds,
    active: row.active,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  active: boolean;
}

export interface UserChanges {
  email?: string;
  name?: string;
  passwordHash?: string;
  role?: Role;
  active?: boolean;
}

export interface UserCredentials {
  id: string;
  email: string;
  passwordHash: string;
  active: boolean;
  version: number;
}

const credentialColumns = {
  id: users.id,
  email: users.email,
  passwordHash: users.passwordHash,
  active: users.active,
  version: users.version,
};

export function createUsersRepository(db: Database) {
  return {
    async list(filter: z.output<typeof userListQuery>) {
      const conditions: SQL[] = [];
      if (filter.q) {
        const pattern = likePattern(filter.q);
        conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
      }
      if (filter.role) conditions.push(eq(users.role, filter.role));
      if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
      if (filter.siteId) {
        conditions.push(
          inArray(
            users.id,
            db.select({ id: userSites.userId }).from(userSites).where(eq(userSites.siteId, filter.siteId)),
          ),
        );
      }
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const { limit, offset } = limitOffset(filter);
      const [rows, [total]] = await Promise.all([
        db
          .select(userColumns)
          .from(users)
          .where(where)
          .orderBy(asc(users.name), asc(users.email))
          .limit(limit)
          .offset(offset),
        db.select({ value: count() }).from(users).where(where),
      ]);
      return { rows: rows.map(toUser), total: total?.value ?? 0 };
    },

    async findById(id: string, executor: Executor = db): Promise<User | undefined> {
      const [row] = await executor.select(userColumns).from(users).where(eq(users.id, id));
      return row ? toUser(row) : undefined;
    },

    async findCredentialsByEmail(email: string): Promise<UserCredentials | undefined> {
      const [row] = await db.select(credentialColumns).from(users).where(eq(users.email, email));
      return row;
    },

    async findCredentialsById(id: string): Promise<UserCredentials | undefined> {
      const [row] = await db.select(credentialColumns).from(users).where(eq(users.id, id));
      return row;
    },

    async isEmailTaken(email: string, exceptUserId?: string): Promise<boolean> {
      const where = exceptUserId
        ? and(eq(users.email, email), ne(users.id, exceptUserId))
        : eq(users.email, email);
      const [row] = await db.select({ id: users.id }).from(users).where(where).limit(1);
      return row !== undefined;
    },

    async insert(executor: Executor, values: NewUser): Promise<string> {
      const [row] = await executor.insert(users).values(values).returning({ id: users.id });
      return row!.id;
    },

    /**
     * Applies changes only if the stored version is `expectedVersion` (when given), and bumps it.
     * Returns false when nothing was updated: the user is gone or the version moved on.
     */
    async update(
      executor: Executor,
      id: string,
      changes: UserChanges,
      expectedVersion?: number,
    ): Promise<boolean> {
      const where =
        expectedVersion === undefined
          ? eq(users.id, id)
          : and(eq(users.id, id), eq(users.version, expectedVersion));
      const rows = await executor
        .update(users)
        .set({
          ...changes,
          ...(changes.passwordHash ? { passwordChangedAt: sql`now()` } : {}),
          updatedAt: sql`now()`,
          version: sql`${users.version} + 1`,
        })
        .where(where)
        .returning({ id: users.id });
      return rows.length > 0;
    },

    async replaceSites(executor: Executor, userId: string, siteIds: string[]): Promise<void> {
      await executor.delete(userSites).where(eq(userSites.userId, userId));
      if (siteIds.length > 0) {
        await executor.insert(userSites).values([...new Set(siteIds)].map((siteId) => ({ userId, siteId })));
      }
    },

    async delete(executor: Executor, id: string): Promise<boolean> {
      const rows = await executor.delete(users).where(eq(users.id, id)).returning({ id: users.id });
      return rows.length > 0;
    },

    /**
     * Active admins, locked for the rest of the transaction so that two requests cannot each
     * remove "another" admin and leave none.
     */
    async lockActiveAdminIds(executor: Executor): Promise<string[]> {
      const rows = await executor
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true)))
        .for('update');
      return rows.map((row) => row.id);
    },

    /** Where mail for "the administrators" goes (e.g. contact messages of a site without notification emails). */
    async findActiveAdminEmails(executor: Executor = db): Promise<string[]> {
      const rows = await executor
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true)))
        .orderBy(asc(users.email));
      return rows.map((row) => row.email);
    },

    async countAll(): Promise<number> {
      const [row] = await db.select({ value: count() }).from(users);
      return row?.value ?? 0;
    },

    async touchLastLogin(id: string): Promise<void> {
      await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, id));
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
