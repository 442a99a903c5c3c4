import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../deps';
import { createAuditRepository } from './audit.repository';
import { registerAuditRoutes } from './audit.routes';
import { createAuditService } from './audit.service';

export function registerAuditModule(app: FastifyInstance, deps: ModuleDeps) {
  registerAuditRoutes(app, createAuditService({ audit: createAuditRepository(deps.database.db) }));
}
