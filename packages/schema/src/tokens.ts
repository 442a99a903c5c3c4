import { z } from 'zod';
import { id, timestamp } from './common';

/** `read`: GET and HEAD only. `write`: also creates, edits and deletes — on its own site only. */
export const apiTokenScopes = ['read', 'write'] as const;
export const apiTokenScope = z.enum(apiTokenScopes);
export type ApiTokenScope = z.infer<typeof apiTokenScope>;

/** Every API token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const apiTokenPrefix = 'swigs_';

/** A per-site API token as listed. The secret itself is shown once, at creation, and never stored. */
export const apiToken = z.object({
  id,
  siteId: id,
  name: z.string(),
  scope: apiTokenScope,
  /** The first characters of the secret (`swigs_AbCd`), to tell tokens apart. */
  hint: z.string(),
  createdBy: id.nullable(),
  createdAt: timestamp,
  /** Updated at most once a minute. */
  lastUsedAt: timestamp.nullable(),
  expiresAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scope: apiTokenScope.default('read'),
  /** Optional end of validity (must be in the future). */
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type CreateApiTokenBody = z.input<typeof createApiTokenBody>;

/** The answer to a creation: the token and, this once, its secret (`Authorization: Bearer <secret>`). */
export const createdApiToken = z.object({ token: apiToken, secret: z.string() });
export type CreatedApiToken = z.infer<typeof createdApiToken>;
