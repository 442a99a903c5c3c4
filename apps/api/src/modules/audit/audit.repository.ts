import type { AuditAction, AuditEntity, AuditEntry } from '@swigs/schema';
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { auditLog } from '../../db/schema';
import { limitOffset } from '../../lib/pagination';
import type { AuditActor } from './audit-actor';

export interface NewAuditEntry {
  siteId: string | null;
  actor: AuditActor;
  action: AuditAction;
  entity: AuditEntity;
  entityId: string;
  summary: string;
}

export interface AuditFilter {
  /** A site's entries; `null` for entries outside any site; undefined for all. */
  siteId?: string | null | undefined;
  entity?: AuditEntity | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  page: number;
  pageSize: number;
}

type AuditRow = typeof auditLog.$inferSelect;

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    siteId: row.siteId,
    actor: { type: row.actorType as AuditActor['type'], id: row.actorId, name: row.actorName },
    action: row.action as AuditAction,
    entity: row.entity as AuditEntity,
    entityId: row.entityId,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createAuditRepository(db: Database) {
  return {
    /** Call inside the transaction of the change itself: no change without its entry, and no entry without its change. */
    async record(executor: Executor, entry: NewAuditEntry): Promise<void> {
      await executor.insert(auditLog).values({
        siteId: entry.siteId,
        actorType: entry.actor.type,
        actorId: entry.actor.id,
        actorName: entry.actor.name,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        summary: entry.summary.slice(0, 500),
      });
    },

    async list(filter: AuditFilter): Promise<{ rows: AuditEntry[]; total: number }> {
      const conditions: SQL[] = [];
      if (filter.siteId === null) conditions.push(isNull(auditLog.siteId));
      else if (filter.siteId !== undefined) conditions.push(eq(auditLog.siteId, filter.siteId));
      if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
      if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
      if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const { limit, offset } = limitOffset(filter);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
          .limit(limit)
          .offset(offset),
        db.select({ value: count() }).from(auditLog).where(where),
      ]);
      return { rows: rows.map(toAuditEntry), total: total?.value ?? 0 };
    },

    async latest(siteId: string, limit: number): Promise<AuditEntry[]> {
      const rows = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.siteId, siteId))
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(limit);
      return rows.map(toAuditEntry);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
