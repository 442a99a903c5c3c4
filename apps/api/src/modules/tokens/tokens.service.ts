import { type ApiToken, apiTokenPrefix, type CreatedApiToken, type createApiTokenBody } from '@swigs/schema';
import type { z } from 'zod';
import type { Transact } from '../../db/client';
import { fieldError, notFound } from '../../lib/errors';
import { randomSecret, sha256 } from '../../lib/tokens';
import type { AuditRepository } from '../audit/audit.repository';
import type { AuditActor } from '../audit/audit-actor';
import type { TokensRepository } from './tokens.repository';

export interface TokensServiceDeps {
  tokens: TokensRepository;
  audit: Pick<AuditRepository, 'record'>;
  transact: Transact;
  now?: () => Date;
}

/** Characters of the secret kept in clear, to recognise a token in a list: `swigs_` and 4 more. */
const hintLength = apiTokenPrefix.length + 4;

export function createTokensService(deps: TokensServiceDeps) {
  const { tokens, audit, transact } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    async listTokens(siteId: string) {
      const rows = await tokens.list(siteId);
      return { data: rows, meta: { total: rows.length, page: 1, pageSize: Math.max(rows.length, 1) } };
    },

    /** Creates a token; its secret is in this answer only (only its SHA-256 is stored). */
    async createToken(
      actor: AuditActor,
      siteId: string,
      body: z.output<typeof createApiTokenBody>,
    ): Promise<CreatedApiToken> {
      const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
      if (expiresAt && expiresAt <= now())
        throw fieldError('expiresAt', 'The end of validity must be in the future.');
      const secret = `${apiTokenPrefix}${randomSecret(32)}`;
      const id = await transact(async (tx) => {
        const tokenId = await tokens.insert(tx, {
          siteId,
          name: body.name,
          scope: body.scope,
          tokenHash: sha256(secret),
          hint: secret.slice(0, hintLength),
          createdBy: actor.type === 'user' ? actor.id : null,
          expiresAt,
        });
        await audit.record(tx, {
          siteId,
          actor,
          action: 'create',
          entity: 'token',
          entityId: tokenId,
          summary: `Created ${body.scope === 'write' ? 'read-write' : 'read-only'} API token "${body.name}"`,
        });
        return tokenId;
      });
      return { token: (await tokens.findById(siteId, id))!, secret };
    },

    async revokeToken(actor: AuditActor, siteId: string, id: string): Promise<ApiToken> {
      const current = await tokens.findById(siteId, id);
      if (!current) throw notFound('TOKEN_NOT_FOUND', 'This API token');
      if (current.revokedAt) return current;
      await transact(async (tx) => {
        if (!(await tokens.revoke(tx, siteId, id))) return;
        await audit.record(tx, {
          siteId,
          actor,
          action: 'revoke',
          entity: 'token',
          entityId: id,
          summary: `Revoked API token "${current.name}"`,
        });
      });
      return (await tokens.findById(siteId, id))!;
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
