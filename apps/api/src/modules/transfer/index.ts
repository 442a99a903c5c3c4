import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { DatabaseHandle } from '../../db/client';
import { version } from '../../version';
import { createAuditRepository } from '../audit/audit.repository';
import type { ModuleDeps } from '../deps';
import { createMediaStorage } from '../media/media.storage';
import type { SiteChanges } from '../public/site-changes';
import { createSeoRepository } from '../seo/seo.repository';
import { createSitesRepository } from '../sites/sites.repository';
import { createTransferRepository } from './transfer.repository';
import { registerTransferRoutes } from './transfer.routes';
import { createSiteTransferService, type SiteTransferService } from './transfer.service';

/**
 * The site export/import of this installation. Made once per app (the API routes and the
 * data-directory socket of `swigs export-site`/`import-site` use the same), or by the CLI on its
 * own database connection.
 */
export function createSiteTransfer(
  config: Config,
  database: DatabaseHandle,
  changes: SiteChanges,
): SiteTransferService {
  const seo = createSeoRepository(database.db);
  const storage = createMediaStorage(config.media.uploadsDir);
  return createSiteTransferService({
    transfer: createTransferRepository(),
    sites: createSitesRepository(database.db),
    storage,
    uploadsDir: storage.uploadsDir,
    insertDefaultSeo: (executor, siteId) => seo.insertDefaultPages(executor, siteId),
    audit: createAuditRepository(database.db),
    changes,
    transact: database.transact,
    version,
    maxArchiveBytes: config.siteTransfer.maxArchiveBytes,
    maxUnpackedBytes: config.siteTransfer.maxUnpackedBytes,
  });
}

export function registerTransferModule(app: FastifyInstance, deps: ModuleDeps) {
  registerTransferRoutes(app, deps.siteTransfer, {
    maxArchiveBytes: deps.config.siteTransfer.maxArchiveBytes,
  });
}
