import { createHash } from 'node:crypto';

/** A public answer ready to send: the serialised JSON bytes, their strong ETag, the content version. */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
  contentVersion: number;
}

/**
 * The cache of public answers, one namespace per site key (slug or host name, as requests name
 * the site). Invalidation drops every namespace of a site at once.
 *
 * Freshness: `load` takes a ticket (the namespace's generation) *before* reading the database and
 * stores what it read only if no invalidation happened meanwhile. A reader that raced with an edit
 * therefore never stores the pre-edit answer after the edit's invalidation, and an edit's
 * response is sent only after its invalidation: no reader sees content older than the last
 * successful write.
 */
export interface PublicCache {
  /**
   * The cached answer, or `produce()`'s (stored for the next reader). `produce` returning
   * undefined (no such site or record) is not cached.
   */
  load(
    siteKey: string,
    resource: string,
    produce: () => Promise<CachedAnswer | undefined>,
  ): Promise<CachedAnswer | undefined>;
  /** Drops every cached answer of these site keys. Resolves once done everywhere it matters. */
  invalidate(siteKeys: string[]): Promise<void>;
  readonly kind: 'memory' | 'redis' | 'off';
}

/**
 * What a cache reports about itself, for /metrics: called on the request path, so each is a
 * counter increment and nothing more (no label lookup, no allocation).
 */
export interface PublicCacheStats {
  /** An answer served from the cache. */
  hit(): void;
  /** An answer produced from the database (not cached, expired, or the cache unreachable). */
  miss(): void;
}

const noStats: PublicCacheStats = { hit() {}, miss() {} };

/** A strong ETag of exact bytes. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Site keys as requests name them: lower-case, no port. */
export function normaliseSiteKey(key: string): string {
  return key.trim().toLowerCase().replace(/:\d+$/, '');
}

/** No cache: every read goes to the database (PUBLIC_CACHE_TTL_SECONDS=0). */
export function createNoPublicCache(): PublicCache {
  return {
    kind: 'off',
    load: (_siteKey, _resource, produce) => produce(),
    async invalidate() {},
  };
}

interface Namespace {
  entries: Map<string, { answer: CachedAnswer; expiresAt: number }>;
  bytes: number;
}

/**
 * In-process cache for one instance (embedded mode, no REDIS_URL). Bounded in bytes: the least
 * recently used sites are dropped first. Several instances must share Redis instead, or an edit on
 * one would not reach the others' caches.
 */
export function createMemoryPublicCache(options: {
  ttlSeconds: number;
  maxBytes: number;
  now?: () => number;
  stats?: PublicCacheStats;
}): PublicCache & {
  /** Bytes of answers held now. */
  size(): number;
  /**
   * The fresh cached answer, synchronously, or undefined; counts nothing (the caller reports the
   * hit once it serves the answer). For the public fast path, which answers before Fastify.
   */
  peek(siteKey: string, resource: string): CachedAnswer | undefined;
} {
  const now = options.now ?? Date.now;
  const stats = options.stats ?? noStats;
  // Insertion order is recency order: a hit moves its namespace to the end.
  const namespaces = new Map<string, Namespace>();
  /** The namespace last moved to the end (a hit on it again has nothing to move). */
  let newest: string | undefined;

  function touch(siteKey: string, namespace: Namespace) {
    if (newest === siteKey) return;
    namespaces.delete(siteKey);
    namespaces.set(siteKey, namespace);
    newest = siteKey;
  }
  // Survive eviction so that a ticket taken before an eviction is still checked correctly.
  const generations = new Map<string, number>();
  let totalBytes = 0;

  function evictUntilWithinBounds() {
    for (const [key, namespace] of namespaces) {
      if (totalBytes <= options.maxBytes) return;
      namespaces.delete(key);
      totalBytes -= namespace.bytes;
    }
  }

  function drop(siteKey: string) {
    const namespace = namespaces.get(siteKey);
    if (!namespace) return;
    namespaces.delete(siteKey);
    totalBytes -= namespace.bytes;
  }

  return {
    kind: 'memory',
    peek(siteKey, resource) {
      const namespace = namespaces.get(siteKey);
      const entry = namespace?.entries.get(resource);
      if (!namespace || !entry || entry.expiresAt <= now()) return undefined;
      touch(siteKey, namespace);
      return entry.answer;
    },
    async load(siteKey, resource, produce) {
      const namespace = namespaces.get(siteKey);
      const entry = namespace?.entries.get(resource);
      if (namespace && entry) {
        if (entry.expiresAt > now()) {
          touch(siteKey, namespace);
          stats.hit();
          return entry.answer;
        }
        namespace.entries.delete(resource);
        namespace.bytes -= entry.answer.body.length;
        totalBytes -= entry.answer.body.length;
      }
      stats.miss();
      const ticket = generations.get(siteKey) ?? 0;
      const answer = await produce();
      if (!answer || (generations.get(siteKey) ?? 0) !== ticket) return answer;
      const target = namespaces.get(siteKey) ?? { entries: new Map(), bytes: 0 };
      const previous = target.entries.get(resource);
      if (previous) {
        target.bytes -= previous.answer.body.length;
        totalBytes -= previous.answer.body.length;
      }
      target.entries.set(resource, { answer, expiresAt: now() + options.ttlSeconds * 1000 });
      target.bytes += answer.body.length;
      totalBytes += answer.body.length;
      namespaces.delete(siteKey);
      namespaces.set(siteKey, target);
      newest = siteKey;
      evictUntilWithinBounds();
      return answer;
    },
    async invalidate(siteKeys) {
      for (const siteKey of siteKeys) {
        generations.set(siteKey, (generations.get(siteKey) ?? 0) + 1);
        drop(siteKey);
      }
    },
    size: () => totalBytes,
  };
}
