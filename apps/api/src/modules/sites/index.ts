import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../deps';
import { createMediaStorage } from '../media/media.storage';
import { createSitesRepository } from './sites.repository';
import { registerSitesRoutes } from './sites.routes';
import { createSitesService } from './sites.service';

export function registerSitesModule(app: FastifyInstance, deps: ModuleDeps) {
  const service = createSitesService({
    sites: createSitesRepository(deps.database.db),
    transact: deps.database.transact,
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
