import type { auditGlobalListQuery, auditListQuery } from '@swigs/schema';
import type { z } from 'zod';
import { pageOf } from '../../lib/pagination';
import type { AuditRepository } from './audit.repository';

export interface AuditServiceDeps {
  audit: Pick<AuditRepository, 'list'>;
}

export function createAuditService(deps: AuditServiceDeps) {
  return {
    async listForSite(siteId: string, query: z.output<typeof auditListQuery>) {
      const { rows, total } = await deps.audit.list({ ...query, siteId });
      return pageOf(rows, total, query);
    },

    async list(query: z.output<typeof auditGlobalListQuery>) {
      const siteId = query.siteId === 'none' ? null : query.siteId;
      const { rows, total } = await deps.audit.list({ ...query, siteId });
      return pageOf(rows, total, query);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
