import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../audit/audit.repository';
import type { ModuleDeps } from '../deps';
import { createMediaStorage } from '../media/media.storage';
import { createSeoRepository } from '../seo/seo.repository';
import { createSitesRepository } from './sites.repository';
import { registerSitesRoutes } from './sites.routes';
import { createSitesService } from './sites.service';

export function registerSitesModule(app: FastifyInstance, deps: ModuleDeps) {
  const { db, transact } = deps.database;
  const seo = createSeoRepository(db);
  const service = createSitesService({
    sites: createSitesRepository(db),
    insertDefaultSeo: (executor, siteId) => seo.insertDefaultPages(executor, siteId),
    audit: createAuditRepository(db),
    changes: deps.publicApi.changes,
    transact,
    removeSiteFiles: async (siteId) => {
      // The site is already gone; a file that cannot be removed now is logged, not an error to the admin.
      await createMediaStorage(deps.config.media.uploadsDir)
        .removeSite(siteId)
        .catch((error) =>
          app.log.error({ err: error, siteId }, 'could not delete the files of a deleted site'),
        );
    },
  });
  registerSitesRoutes(app, service);
}
