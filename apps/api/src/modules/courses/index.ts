import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../audit/audit.repository';
import type { ModuleDeps } from '../deps';
import { findForeignMediaIds } from '../media/media-ref-columns';
import { createSeoRepository } from '../seo/seo.repository';
import { createCoursesRepository } from './courses.repository';
import { registerCoursesRoutes } from './courses.routes';
import { createCoursesService } from './courses.service';

export function registerCoursesModule(app: FastifyInstance, deps: ModuleDeps) {
  const { db, transact } = deps.database;
  const seo = createSeoRepository(db);
  registerCoursesRoutes(
    app,
    createCoursesService({
      courses: createCoursesRepository(db),
      findForeignMediaIds: (siteId, ids) => findForeignMediaIds(db, siteId, ids),
      deleteCourseSeo: (executor, siteId, courseId) => seo.deleteCourseOverride(executor, siteId, courseId),
      audit: createAuditRepository(db),
      changes: deps.publicApi.changes,
      transact,
    }),
  );
}
