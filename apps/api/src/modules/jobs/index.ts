import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../deps';
import { registerJobsRoutes } from './jobs.routes';
import { createJobsService } from './jobs.service';

export function registerJobsModule(app: FastifyInstance, deps: ModuleDeps) {
  registerJobsRoutes(app, createJobsService({ jobs: deps.jobs }));
}
