import { z } from 'zod';
import { id, paginationQuery, timestamp } from './common';

export const auditActorTypes = ['user', 'token', 'system'] as const;
export const auditActions = ['create', 'update', 'delete', 'reorder', 'revoke'] as const;
export const auditEntities = [
  'course',
  'content',
  'seo',
  'site',
  'token',
  'user',
  'media',
  'contact',
] as const;
export const auditEntity = z.enum(auditEntities);
export type AuditEntity = z.infer<typeof auditEntity>;
export type AuditAction = (typeof auditActions)[number];

/** One write, as the audit trail keeps it: who, what, when, on which record. */
export const auditEntry = z.object({
  id,
  /** null for changes outside any site (users). */
  siteId: id.nullable(),
  actor: z.object({
    type: z.enum(auditActorTypes),
    /** User or token id; null for the system. */
    id: id.nullable(),
    /** Name at the time of the change (kept when the user or token is gone). */
    name: z.string(),
  }),
  action: z.enum(auditActions),
  entity: auditEntity,
  entityId: z.string(),
  /** One line for humans, e.g. `Updated course "Voile débutants": price, places`. */
  summary: z.string(),
  createdAt: timestamp,
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListQuery = paginationQuery.extend({
  entity: auditEntity.optional(),
  entityId: z.string().max(100).optional(),
  /** Only entries of this user or token. */
  actorId: id.optional(),
});
export type AuditListQuery = z.input<typeof auditListQuery>;

/** `GET /audit` (administrators): every entry, one site's, or with `siteId=none` those outside any site. */
export const auditGlobalListQuery = auditListQuery.extend({
  siteId: z.union([id, z.literal('none')]).optional(),
});
export type AuditGlobalListQuery = z.input<typeof auditGlobalListQuery>;
