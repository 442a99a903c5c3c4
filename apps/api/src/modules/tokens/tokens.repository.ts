import type { ApiToken, ApiTokenScope } from '@swigs/schema';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { apiTokens } from '../../db/schema';
import type { TokenPrincipal } from '../../plugins/auth';

type TokenRow = typeof apiTokens.$inferSelect;

function toApiToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    siteId: row.siteId,
    name: row.name,
    scope: row.scope,
    hint: row.hint,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export interface NewApiToken {
  siteId: string;
  name: string;
  scope: ApiTokenScope;
  tokenHash: string;
  hint: string;
  createdBy: string | null;
  expiresAt: Date | null;
}

/** `lastUsedAt` is written at most this often per token: a busy integration does not write on every call. */
const lastUsedResolutionSeconds = 60;

export function createTokensRepository(db: Database) {
  return {
    async list(siteId: string): Promise<ApiToken[]> {
      const rows = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.siteId, siteId))
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
      return rows.map(toApiToken);
    },

    async findById(siteId: string, id: string, executor: Executor = db): Promise<ApiToken | undefined> {
      const [row] = await executor
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.siteId, siteId), eq(apiTokens.id, id)));
      return row ? toApiToken(row) : undefined;
    },

    async insert(executor: Executor, token: NewApiToken): Promise<string> {
      const [row] = await executor.insert(apiTokens).values(token).returning({ id: apiTokens.id });
      return row!.id;
    },

    /** Revokes a live token; false when it was already revoked or does not exist. */
    async revoke(executor: Executor, siteId: string, id: string): Promise<boolean> {
      const rows = await executor
        .update(apiTokens)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(apiTokens.siteId, siteId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return rows.length > 0;
    },

    /** The principal of a live token (not revoked, not expired), noting its use. */
    async findPrincipal(tokenHash: string): Promise<TokenPrincipal | undefined> {
      const [row] = await db
        .select({
          id: apiTokens.id,
          siteId: apiTokens.siteId,
          scope: apiTokens.scope,
          name: apiTokens.name,
          lastUsedAt: apiTokens.lastUsedAt,
        })
        .from(apiTokens)
        .where(
          and(
            eq(apiTokens.tokenHash, tokenHash),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
          ),
        );
      if (!row) return undefined;
      if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > lastUsedResolutionSeconds * 1000) {
        await db
          .update(apiTokens)
          .set({ lastUsedAt: sql`now()` })
          .where(
            and(
              eq(apiTokens.id, row.id),
              or(
                isNull(apiTokens.lastUsedAt),
                lt(apiTokens.lastUsedAt, sql`now() - make_interval(secs => ${lastUsedResolutionSeconds})`),
              ),
            ),
          );
      }
      return { kind: 'token', tokenId: row.id, siteId: row.siteId, scope: row.scope, name: row.name };
    },
  };
}

export type TokensRepository = ReturnType<typeof createTokensRepository>;
