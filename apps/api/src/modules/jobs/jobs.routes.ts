import { failedJob, failedJobListQuery, id, listOf, okResponse } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JobsService } from './jobs.service';

const tags = ['jobs'];

export function registerJobsRoutes(app: FastifyInstance, service: JobsService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/jobs/failed',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'List background jobs whose retries are exhausted (dead letters)',
        querystring: failedJobListQuery,
        response: { 200: listOf(failedJob) },
      },
    },
    async (request) => service.listFailedJobs(request.query),
  );

  routes.post(
    '/jobs/:jobId/retry',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Run a failed job again',
        params: z.object({ jobId: id }),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await service.retryJob(request.params.jobId);
      return { data: { ok: true as const } };
    },
  );
}
