import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../audit/audit.repository';
import { createCoursesRepository } from '../courses/courses.repository';
import type { ModuleDeps } from '../deps';
import { findForeignMediaIds } from '../media/media-ref-columns';
import { createSeoRepository } from './seo.repository';
import { registerSeoRoutes } from './seo.routes';
import { createSeoService } from './seo.service';

export function registerSeoModule(app: FastifyInstance, deps: ModuleDeps) {
  const { db, transact } = deps.database;
  const courses = createCoursesRepository(db);
  registerSeoRoutes(
    app,
    createSeoService({
      seo: createSeoRepository(db),
      findForeignMediaIds: (siteId, ids) => findForeignMediaIds(db, siteId, ids),
      isCourseOfSite: async (siteId, courseId) => (await courses.findById(siteId, courseId)) !== undefined,
      audit: createAuditRepository(db),
      changes: deps.publicApi.changes,
      transact,
    }),
  );
}
