import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../deps';
import { createSitesRepository } from './sites.repository';
import { registerSitesRoutes } from './sites.routes';
import { createSitesService } from './sites.service';

export function registerSitesModule(app: FastifyInstance, deps: ModuleDeps) {
  const service = createSitesService({
    sites: createSitesRepository(deps.database.db),
    transact: deps.database.transact,
  });
  registerSitesRoutes(app, service);
}
