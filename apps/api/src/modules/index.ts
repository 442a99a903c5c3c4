import type { FastifyInstance } from 'fastify';
import { registerAuthModule } from './auth';
import { registerContactsModule } from './contacts';
import type { ModuleDeps } from './deps';
import { registerJobsModule } from './jobs';
import { registerMediaModule } from './media';
import { registerSitesModule } from './sites';
import { registerSystemModule } from './system';
import { registerUsersModule } from './users';

/** Every API module, registered under /api/v1 in this order. */
export function registerModules(app: FastifyInstance, deps: ModuleDeps) {
  registerAuthModule(app, deps);
  registerUsersModule(app, deps);
  registerSitesModule(app, deps);
  registerSystemModule(app, deps);
  registerJobsModule(app, deps);
  registerMediaModule(app, deps);
  registerContactsModule(app, deps);
}
