import type { FastifyBaseLogger, FastifyInstance, onRequestHookHandler } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../config';
import type { DatabaseHandle } from '../../db/client';
import type { ModuleDeps } from '../deps';
import { createSeoRepository } from '../seo/seo.repository';
import { createSitesRepository } from '../sites/sites.repository';
import { createPublicRepository } from './public.repository';
import { registerPublicRoutes } from './public.routes';
import { createPublicService, type PublicService } from './public.service';
import { createMemoryPublicCache, createNoPublicCache, type PublicCache } from './public-cache';
import { createRedisPublicCache } from './public-cache.redis';
import { createPublicCorsHook } from './public-cors';
import { createSeoFiles } from './seo-files';
import { createSiteChanges, type SeoFiles, type SiteChanges } from './site-changes';

/** The public API's shared parts: one cache and one change notifier per app, used by every editing module. */
export interface PublicContext {
  cache: PublicCache;
  seoFiles: SeoFiles;
  service: PublicService;
  changes: SiteChanges;
  /** CORS for the public API from the sites' own domains; an app-level onRequest hook. */
  corsHook: onRequestHookHandler;
  /** seo.json of the sites that have none yet (after an upgrade); never rejects, errors are logged. */
  writeMissingSeoFiles(): Promise<void>;
  close(): void;
}

export function createPublicContext(
  config: Config,
  database: DatabaseHandle,
  redis: Redis | undefined,
  log: FastifyBaseLogger,
): PublicContext {
  const { cacheTtlSeconds, cacheMaxBytes } = config.publicApi;
  let close = () => {};
  let cache: PublicCache;
  if (cacheTtlSeconds === 0) cache = createNoPublicCache();
  else if (redis) {
    const redisCache = createRedisPublicCache(redis, {
      prefix: config.redis.keyPrefix,
      ttlSeconds: cacheTtlSeconds,
      onError: (error, during) =>
        log.warn({ err: error, during }, 'redis unavailable: public reads from the database'),
    });
    cache = redisCache;
    close = redisCache.close;
  } else cache = createMemoryPublicCache({ ttlSeconds: cacheTtlSeconds, maxBytes: cacheMaxBytes });

  const seo = createSeoRepository(database.db);
  const repository = createPublicRepository(database.db);
  const service = createPublicService({
    repository,
    listSeoRecords: (siteId) => seo.listAll(siteId),
    cache,
  });
  const seoFiles = createSeoFiles({
    outputDir: config.seo.outputDir,
    render: (siteId) => service.renderSeoJson(siteId),
  });
  const changes = createSiteChanges({
    cache,
    sites: createSitesRepository(database.db),
    seoFiles,
    warn: (error, message) => log.warn({ err: error }, message),
  });
  return {
    cache,
    seoFiles,
    service,
    changes,
    corsHook: createPublicCorsHook(service),
    writeMissingSeoFiles: () =>
      repository
        .listSiteIds()
        .then((ids) => seoFiles.regenerateMissing(ids))
        .catch((error) => log.warn({ err: error }, 'seo.json files could not be written')),
    close,
  };
}

export function registerPublicModule(app: FastifyInstance, deps: ModuleDeps) {
  registerPublicRoutes(app, deps.publicApi.service, { maxAgeSeconds: deps.config.publicApi.maxAgeSeconds });
  let pending: Promise<void> | undefined;
  app.addHook('onReady', async () => {
    pending = deps.publicApi.writeMissingSeoFiles();
  });
  // Closing waits for the files being written: the database must outlive their queries.
  app.addHook('onClose', async () => pending);
}
