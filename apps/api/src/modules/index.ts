import type { FastifyInstance } from 'fastify';
import { registerAuthModule } from './auth';
import type { ModuleDeps } from './deps';
import { registerSitesModule } from './sites';
import { registerSystemModule } from './system';
import { registerUsersModule } from './users';

/** Every API module, registered under /api/v1 in this order. */
export function registerModules(app: FastifyInstance, deps: ModuleDeps) {
  registerAuthModule(app, deps);
  registerUsersModule(app, deps);
  registerSitesModule(app, deps);
  registerSystemModule(app, deps);
}
