import type { FastifyInstance } from 'fastify';
import { registerAuditModule } from './audit';
import { registerAuthModule } from './auth';
import { registerContactsModule } from './contacts';
import { registerContentsModule } from './contents';
import { registerCoursesModule } from './courses';
import type { ModuleDeps } from './deps';
import { registerJobsModule } from './jobs';
import { registerMediaModule } from './media';
import { registerPublicModule } from './public';
import { registerSeoModule } from './seo';
import { registerSitesModule } from './sites';
import { registerStatsModule } from './stats';
import { registerSystemModule } from './system';
import { registerTokensModule } from './tokens';
import { registerTransferModule } from './transfer';
import { registerUsersModule } from './users';

/** Every API module, registered under /api/v1 in this order. */
export function registerModules(app: FastifyInstance, deps: ModuleDeps) {
  registerAuthModule(app, deps);
  registerUsersModule(app, deps);
  registerSitesModule(app, deps);
  registerTransferModule(app, deps);
  registerSystemModule(app, deps);
  registerJobsModule(app, deps);
  registerMediaModule(app, deps);
  registerContactsModule(app, deps);
  registerCoursesModule(app, deps);
  registerContentsModule(app, deps);
  registerSeoModule(app, deps);
  registerTokensModule(app, deps);
  registerAuditModule(app, deps);
  registerStatsModule(app, deps);
  registerPublicModule(app, deps);
}
