import { dataOf, id, siteStats } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StatsService } from './stats.service';

export function registerStatsRoutes(app: FastifyInstance, service: StatsService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/sites/:siteId/stats',
    {
      config: { access: 'user' },
      schema: {
        tags: ['stats'],
        summary: 'The dashboard of a site: courses by status, unread contacts, media, last changes',
        params: z.object({ siteId: id }),
        response: { 200: dataOf(siteStats) },
      },
    },
    async (request) => ({ data: await service.getSiteStats(request.params.siteId) }),
  );
}
