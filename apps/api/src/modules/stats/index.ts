import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../audit/audit.repository';
import { createContactsRepository } from '../contacts/contacts.repository';
import { createCoursesRepository } from '../courses/courses.repository';
import type { ModuleDeps } from '../deps';
import { createStatsRepository } from './stats.repository';
import { registerStatsRoutes } from './stats.routes';
import { createStatsService } from './stats.service';

export function registerStatsModule(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps.database;
  const contacts = createContactsRepository(db);
  registerStatsRoutes(
    app,
    createStatsService({
      courses: createCoursesRepository(db),
      stats: createStatsRepository(db),
      audit: createAuditRepository(db),
      countUnreadContacts: (siteId) => contacts.countUnread(siteId),
    }),
  );
}
