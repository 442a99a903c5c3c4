import { auditEntry, auditGlobalListQuery, auditListQuery, id, listOf } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditService } from './audit.service';

const tags = ['audit'];

export function registerAuditRoutes(app: FastifyInstance, service: AuditService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/sites/:siteId/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The audit trail of a site, newest first (administrators)',
        params: z.object({ siteId: id }),
        querystring: auditListQuery,
        response: { 200: listOf(auditEntry) },
      },
    },
    async (request) => service.listForSite(request.params.siteId, request.query),
  );

  routes.get(
    '/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The whole audit trail, newest first; siteId=none for changes outside any site',
        querystring: auditGlobalListQuery,
        response: { 200: listOf(auditEntry) },
      },
    },
    async (request) => service.list(request.query),
  );
}
