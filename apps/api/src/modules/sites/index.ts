import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../audit/audit.repository';
import type { ModuleDeps } from '../deps';
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
  });
  registerSitesRoutes(app, service);
}
