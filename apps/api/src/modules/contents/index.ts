import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../audit/audit.repository';
import type { ModuleDeps } from '../deps';
import { findForeignMediaIds } from '../media/media-ref-columns';
import { createContentsRepository } from './contents.repository';
import { registerContentsRoutes } from './contents.routes';
import { createContentsService } from './contents.service';

export function registerContentsModule(app: FastifyInstance, deps: ModuleDeps) {
  const { db, transact } = deps.database;
  registerContentsRoutes(
    app,
    createContentsService({
      contents: createContentsRepository(db),
      findForeignMediaIds: (siteId, ids) => findForeignMediaIds(db, siteId, ids),
      audit: createAuditRepository(db),
      changes: deps.publicApi.changes,
      transact,
    }),
  );
}
