import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../audit/audit.repository';
import { createSessionsRepository } from '../auth/sessions.repository';
import type { ModuleDeps } from '../deps';
import { createSitesRepository } from '../sites/sites.repository';
import { createUsersRepository } from './users.repository';
import { registerUsersRoutes } from './users.routes';
import { createUsersService } from './users.service';

export function registerUsersModule(app: FastifyInstance, deps: ModuleDeps) {
  const { db, transact } = deps.database;
  const sites = createSitesRepository(db);
  const service = createUsersService({
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    findUnknownSiteIds: (ids) => sites.findUnknownIds(ids),
    passwords: deps.passwords,
    audit: createAuditRepository(db),
    transact,
  });
  registerUsersRoutes(app, service);
}
