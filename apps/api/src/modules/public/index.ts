import type { FastifyBaseLogger, FastifyInstance, onRequestHookHandler } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../config';
import type { DatabaseHandle } from '../../db/client';
import type { Metrics } from '../../lib/metrics';
import type { ModuleDeps } from '../deps';
import { createSeoRepository } from '../seo/seo.repository';
import { createSitesRepository } from '../sites/sites.repository';
import { createPublicRepository } from './public.repository';
import { registerPublicRoutes } from './public.routes';
import { createPublicService, type PublicService } from './public.service';
import {
  createMemoryPublicCache,
  createNoPublicCache,
  type PublicCache,
  type PublicCacheStats,
} from './public-cache';
import { createRedisPublicCache } from './public-cache.redis';
import { createPublicCorsHook } from './public-cors';
import type { CachedAnswers } from './public-fast-path';
import { createSeoFiles } from './seo-files';
import { createSiteChanges, type SeoFiles, type SiteChanges } from './site-changes';

/** The public API's shared parts: one cache and one change notifier per app, used by every editing module. */
export interface PublicContext {
  cache: PublicCache;
  seoFiles: SeoFiles;
  service: PublicService;
  changes: SiteChanges;
  /**
   * Synchronous reads of the in-process cache, for the fast path that answers hits before Fastify
   * (public-fast-path.ts); absent when answers are cached in Redis or not at all.
   */
  cachedAnswers?: CachedAnswers;
  /** CORS for the public API from the sites' own domains; an app-level onRequest hook. */
  corsHook: onRequestHookHandler;
  /** seo.json of the sites that have none yet (after an upgrade); never rejects, errors are logged. */
  writeMissingSeoFiles(): Promise<void>;
  close(): void;
}

/**
 * The cache's metrics: hits and misses by store (the ratio is what to watch), invalidations, Redis
 * failures, and what the store holds. Label children are resolved once here, so the request path
 * pays one increment per answer.
 */
function cacheMetrics(metrics: Metrics, store: 'memory' | 'redis') {
  // Hits are counted in a plain number and added to the counter when it is read: the hottest
  // path of all pays an increment, not a label lookup.
  let pendingHits = 0;
  metrics.counter({
    name: 'public_cache_hits_total',
    help: 'Public API answers served from the cache',
    labelNames: ['store'],
    collect() {
      // Even by 0: the series is reported from the start.
      this.labels(store).inc(pendingHits);
      pendingHits = 0;
    },
  });
  const misses = metrics
    .counter({
      name: 'public_cache_misses_total',
      help: 'Public API answers produced from the database (not cached, expired or cache unreachable)',
      labelNames: ['store'],
    })
    .labels(store);
  const stats: PublicCacheStats = {
    hit: () => {
      pendingHits += 1;
    },
    miss: () => misses.inc(),
  };
  return {
    stats,
    invalidations: metrics
      .counter({
        name: 'public_cache_invalidations_total',
        help: 'Site keys (slug or host name) whose cached answers were dropped after an edit',
        labelNames: ['store'],
      })
      .labels(store),
    errors: metrics.counter({
      name: 'public_cache_errors_total',
      help: 'Redis operations of the public cache that failed (reads then go to the database)',
      labelNames: ['during'],
    }),
  };
}

export function createPublicContext(
  config: Config,
  database: DatabaseHandle,
  redis: Redis | undefined,
  log: FastifyBaseLogger,
  metrics?: Metrics,
): PublicContext {
  const { cacheTtlSeconds, cacheMaxBytes } = config.publicApi;
  let close = () => {};
  let cache: PublicCache;
  let cachedAnswers: CachedAnswers | undefined;
  if (cacheTtlSeconds === 0) cache = createNoPublicCache();
  else if (redis) {
    const measured = metrics ? cacheMetrics(metrics, 'redis') : undefined;
    const redisCache = createRedisPublicCache(redis, {
      prefix: config.redis.keyPrefix,
      ttlSeconds: cacheTtlSeconds,
      stats: measured?.stats,
      onError: (error, during) => {
        measured?.errors.inc({ during });
        log.warn({ err: error, during }, 'redis unavailable: public reads from the database');
      },
    });
    metrics?.gauge({
      name: 'public_cache_pending_invalidations',
      help: 'Site keys whose invalidation has not reached Redis yet (retried until it does)',
      collect() {
        this.set(redisCache.pendingInvalidations().length);
      },
    });
    cache = countInvalidations(redisCache, measured?.invalidations);
    close = redisCache.close;
  } else {
    const measured = metrics ? cacheMetrics(metrics, 'memory') : undefined;
    const memoryCache = createMemoryPublicCache({
      ttlSeconds: cacheTtlSeconds,
      maxBytes: cacheMaxBytes,
      stats: measured?.stats,
    });
    metrics?.gauge({
      name: 'public_cache_bytes',
      help: 'Bytes of answers held by the in-process public cache (bounded by PUBLIC_CACHE_MAX_BYTES)',
      collect() {
        this.set(memoryCache.size());
      },
    });
    cache = countInvalidations(memoryCache, measured?.invalidations);
    cachedAnswers = { peek: memoryCache.peek, hit: measured?.stats.hit ?? (() => {}) };
  }

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
    cachedAnswers,
    corsHook: createPublicCorsHook(service),
    writeMissingSeoFiles: () =>
      repository
        .listSiteIds()
        .then((ids) => seoFiles.regenerateMissing(ids))
        .catch((error) => log.warn({ err: error }, 'seo.json files could not be written')),
    close,
  };
}

/** Counts the site keys each invalidation drops (edits are rare: a wrapper costs nothing that matters). */
function countInvalidations(
  cache: PublicCache,
  counter: { inc(by?: number): void } | undefined,
): PublicCache {
  if (!counter) return cache;
  return {
    kind: cache.kind,
    load: cache.load,
    async invalidate(siteKeys) {
      counter.inc(siteKeys.length);
      await cache.invalidate(siteKeys);
    },
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
