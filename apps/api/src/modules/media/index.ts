import type { FastifyInstance } from 'fastify';
import { findMediaUsages as findContentUsages } from '../contents/contents.media-usage';
import { findMediaUsages as findCourseUsages } from '../courses/courses.media-usage';
import type { ModuleDeps } from '../deps';
import { findMediaUsages as findSeoUsages } from '../seo/seo.media-usage';
import { createMediaRepository } from './media.repository';
import { registerMediaRoutes } from './media.routes';
import { createMediaService } from './media.service';
import { createMediaStorage } from './media.storage';
import { composeUsageFinders } from './media-usage';

export function registerMediaModule(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps.database;
  const repository = createMediaRepository(db);
  const storage = createMediaStorage(deps.config.media.uploadsDir);
  const service = createMediaService({
    media: repository,
    storage,
    // Every record that can show a media: a media in use cannot be deleted without `force`.
    findUsages: composeUsageFinders([
      (siteId, mediaId) => repository.findLogoUsages(siteId, mediaId),
      (siteId, mediaId) => findCourseUsages(db, siteId, mediaId),
      (siteId, mediaId) => findContentUsages(db, siteId, mediaId),
      (siteId, mediaId) => findSeoUsages(db, siteId, mediaId),
    ]),
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
