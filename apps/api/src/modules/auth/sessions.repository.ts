import { and, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { sessions, userSites, users } from '../../db/schema';
import type { UserPrincipal } from '../../plugins/auth';

export interface NewSession {
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  userAgent: string | undefined;
  ip: string | undefined;
}

export interface StoredSession {
  id: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date;
  userActive: boolean;
}

const sessionColumns = {
  id: sessions.id,
  userId: sessions.userId,
  expiresAt: sessions.expiresAt,
  revokedAt: sessions.revokedAt,
  lastUsedAt: sessions.lastUsedAt,
  userActive: users.active,
};

export function createSessionsRepository(db: Database) {
  return {
    async insert(values: NewSession): Promise<string> {
      const [row] = await db.insert(sessions).values(values).returning({ id: sessions.id });
      return row!.id;
    },

    async findByTokenHash(tokenHash: string): Promise<StoredSession | undefined> {
      const [row] = await db
        .select(sessionColumns)
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
      return row;
    },

    async findByPreviousTokenHash(tokenHash: string): Promise<StoredSession | undefined> {
      const [row] = await db
        .select(sessionColumns)
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.previousTokenHash, tokenHash));
      return row;
    },

    /**
     * Replaces the refresh token of a live session, only if `currentHash` is still the current one:
     * of two concurrent refreshes with the same token, exactly one rotates.
     */
    async rotate(id: string, currentHash: string, nextHash: string, expiresAt: Date): Promise<boolean> {
      const rows = await db
        .update(sessions)
        .set({ tokenHash: nextHash, previousTokenHash: currentHash, lastUsedAt: sql`now()`, expiresAt })
        .where(and(eq(sessions.id, id), eq(sessions.tokenHash, currentHash), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return rows.length > 0;
    },

    async revoke(id: string): Promise<void> {
      await db
        .update(sessions)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
    },

    /** Ends every session of a user (password changed, account disabled), optionally but one. */
    async revokeAllForUser(executor: Executor, userId: string, exceptSessionId?: string): Promise<void> {
      const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
      if (exceptSessionId) conditions.push(ne(sessions.id, exceptSessionId));
      await executor
        .update(sessions)
        .set({ revokedAt: sql`now()` })
        .where(and(...conditions));
    },

    /** The principal behind a live session of an active user, in one query (runs on every request). */
    async findPrincipal(sessionId: string, userId: string): Promise<UserPrincipal | undefined> {
      const [row] = await db
        .select({
          userId: users.id,
          role: users.role,
          name: users.name,
          siteIds: sql<
            string[]
          >`coalesce((select array_agg(${userSites.siteId}::text) from ${userSites} where ${userSites.userId} = ${users.id}), '{}')`,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(
            eq(sessions.id, sessionId),
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, sql`now()`),
            eq(users.active, true),
          ),
        );
      return row ? { kind: 'user', sessionId, ...row } : undefined;
    },

    /** Deletes sessions that ended long ago; they only serve reuse detection for a while. */
    async deleteExpired(olderThanDays: number): Promise<number> {
      const rows = await db
        .delete(sessions)
        .where(
          or(
            sql`${sessions.expiresAt} < now() - make_interval(days => ${olderThanDays})`,
            sql`${sessions.revokedAt} < now() - make_interval(days => ${olderThanDays})`,
          ),
        )
        .returning({ id: sessions.id });
      return rows.length;
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
