import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../deps';
import { createMediaRepository } from './media.repository';
import { registerMediaRoutes } from './media.routes';
import { createMediaService } from './media.service';
import { createMediaStorage } from './media.storage';
import { composeUsageFinders } from './media-usage';

export function registerMediaModule(app: FastifyInstance, deps: ModuleDeps) {
  const repository = createMediaRepository(deps.database.db);
  const storage = createMediaStorage(deps.config.media.uploadsDir);
  const service = createMediaService({
    media: repository,
    storage,
    // On main only the site logo refers to media; courses, contents and SEO add their finders here.
    findUsages: composeUsageFinders([(siteId, mediaId) => repository.findLogoUsages(siteId, mediaId)]),
    transact: deps.database.transact,
    maxBytes: deps.config.media.maxBytes,
    changes: deps.publicApi.changes,
  });
  registerMediaRoutes(app, service, { maxBytes: deps.config.media.maxBytes });

  // Leftovers of an upload interrupted by a crash (never of one in progress: those are younger).
  app.addHook('onReady', async () => {
    const removed = await storage.sweepTemp(3600_000);
    if (removed > 0) app.log.info({ removed }, 'removed abandoned temporary upload files');
  });
}
