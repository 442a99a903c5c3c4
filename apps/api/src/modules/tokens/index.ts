import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../audit/audit.repository';
import type { ModuleDeps } from '../deps';
import { createTokensRepository } from './tokens.repository';
import { registerTokensRoutes } from './tokens.routes';
import { createTokensService } from './tokens.service';

export function registerTokensModule(app: FastifyInstance, deps: ModuleDeps) {
  const { db, transact } = deps.database;
  registerTokensRoutes(
    app,
    createTokensService({
      tokens: createTokensRepository(db),
      audit: createAuditRepository(db),
      transact,
    }),
  );
}
