import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { passwordResetTokens, users } from '../../db/schema';

export interface ResetTarget {
  userId: string;
  email: string;
  active: boolean;
}

export function createPasswordResetsRepository(db: Database) {
  return {
    /**
     * Stores a new token for a user and discards the user's earlier unused ones: only the link in
     * the latest email works.
     */
    async replace(executor: Executor, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
      await executor
        .delete(passwordResetTokens)
        .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
      await executor.insert(passwordResetTokens).values({ userId, tokenHash, expiresAt });
    },

    /** The user behind a token that is unused and not expired. */
    async findValid(tokenHash: string): Promise<ResetTarget | undefined> {
      const [row] = await db
        .select({ userId: users.id, email: users.email, active: users.active })
        .from(passwordResetTokens)
        .innerJoin(users, eq(users.id, passwordResetTokens.userId))
        .where(
          and(
            eq(passwordResetTokens.tokenHash, tokenHash),
            isNull(passwordResetTokens.usedAt),
            gt(passwordResetTokens.expiresAt, sql`now()`),
          ),
        );
      return row;
    },

    /**
     * Marks a token used if it still is valid. Of two concurrent resets with one token, exactly one
     * consumes it (the conditional update is the lock).
     */
    async consume(executor: Executor, tokenHash: string): Promise<string | undefined> {
      const [row] = await executor
        .update(passwordResetTokens)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(passwordResetTokens.tokenHash, tokenHash),
            isNull(passwordResetTokens.usedAt),
            gt(passwordResetTokens.expiresAt, sql`now()`),
          ),
        )
        .returning({ userId: passwordResetTokens.userId });
      return row?.userId;
    },

    /** Discards every other unused token of the user (after a successful reset). */
    async discardUnused(executor: Executor, userId: string): Promise<void> {
      await executor
        .delete(passwordResetTokens)
        .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
    },

    async deleteExpired(olderThanDays: number): Promise<void> {
      await db
        .delete(passwordResetTokens)
        .where(sql`${passwordResetTokens.expiresAt} < now() - make_interval(days => ${olderThanDays})`);
    },
  };
}

export type PasswordResetsRepository = ReturnType<typeof createPasswordResetsRepository>;
