import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../audit/audit.repository';
import { createCoursesRepository } from '../courses/courses.repository';
import type { ModuleDeps } from '../deps';
import { createStatsRepository } from './stats.repository';
import { registerStatsRoutes } from './stats.routes';
import { createStatsService, type StatsServiceDeps } from './stats.service';

/**
 * `countUnreadContacts` comes from the contact inbox module when it is wired in (see
 * `modules/index.ts`); without it the dashboard reports no inbox.
 */
export function registerStatsModule(
  app: FastifyInstance,
  deps: ModuleDeps,
  extra: Pick<StatsServiceDeps, 'countUnreadContacts'> = {},
) {
  const { db } = deps.database;
  registerStatsRoutes(
    app,
    createStatsService({
      courses: createCoursesRepository(db),
      stats: createStatsRepository(db),
      audit: createAuditRepository(db),
      ...extra,
    }),
  );
}
