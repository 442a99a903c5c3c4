import type { Redis } from 'ioredis';
import type { CachedAnswer, PublicCache, PublicCacheStats } from './public-cache';

/**
 * Stores `value` under `field` of the namespace hash only if the namespace's generation is still
 * the one read before the database was (KEYS: generation, hash; ARGV: ticket, field, value, ttl).
 */
const putIfCurrentScript = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1`;

/** For each (generation, hash) pair of KEYS: bump the generation, drop the hash. Atomic. */
const invalidateScript = `
for i = 1, #KEYS, 2 do
  redis.call('INCR', KEYS[i])
  redis.call('DEL', KEYS[i + 1])
end
return #KEYS / 2`;

const newline = 0x0a;

/** `expiresAt\netag\ncontentVersion\n` then the body bytes: one value, one round trip on a hit. */
function encode(answer: CachedAnswer, expiresAt: number): Buffer {
  return Buffer.concat([
    Buffer.from(`${expiresAt}\n${answer.etag}\n${answer.contentVersion}\n`),
    answer.body,
  ]);
}

function decode(raw: Buffer, now: number): CachedAnswer | undefined {
  const first = raw.indexOf(newline);
  const second = raw.indexOf(newline, first + 1);
  const third = raw.indexOf(newline, second + 1);
  if (first < 0 || second < 0 || third < 0) return undefined;
  if (Number(raw.subarray(0, first).toString()) <= now) return undefined;
  return {
    etag: raw.subarray(first + 1, second).toString(),
    contentVersion: Number(raw.subarray(second + 1, third).toString()),
    body: raw.subarray(third + 1),
  };
}

export interface RedisPublicCacheOptions {
  /** Prefix of every key (REDIS_KEY_PREFIX), so installations and tests sharing a Redis do not collide. */
  prefix: string;
  ttlSeconds: number;
  /** Redis failed: reads fall back to the database, invalidations are retried. */
  onError(error: unknown, during: 'read' | 'write' | 'invalidate'): void;
  now?: () => number;
  /** First retry delay of a failed invalidation, doubling up to 5 s. */
  retryDelayMs?: number;
  stats?: PublicCacheStats;
}

/**
 * The shared cache of several instances. Every instance reads and invalidates the same Redis keys,
 * so an edit on one is seen by all: the edit's answer is sent after its invalidation succeeded.
 *
 * When Redis is unreachable, reads go to the database (and nothing is cached); an invalidation
 * that failed is retried in the background until it succeeds, and meanwhile this instance reads
 * those sites from the database rather than trusting what Redis may still hold. Entries also
 * carry their own expiry, which bounds how long an answer can outlive a lost invalidation.
 */
export function createRedisPublicCache(
  redis: Redis,
  options: RedisPublicCacheOptions,
): PublicCache & {
  /** Site keys whose invalidation has not reached Redis yet. */
  pendingInvalidations(): string[];
  close(): void;
} {
  const now = options.now ?? Date.now;
  const stats = options.stats ?? { hit() {}, miss() {} };
  const generationKey = (siteKey: string) => `${options.prefix}pub:v:${siteKey}`;
  const hashKey = (siteKey: string) => `${options.prefix}pub:h:${siteKey}`;
  const pending = new Set<string>();
  let retryTimer: NodeJS.Timeout | undefined;
  let retryDelay = options.retryDelayMs ?? 100;

  async function sendInvalidation(siteKeys: string[]) {
    const keys = siteKeys.flatMap((siteKey) => [generationKey(siteKey), hashKey(siteKey)]);
    await redis.eval(invalidateScript, keys.length, ...keys);
  }

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(async () => {
      retryTimer = undefined;
      const siteKeys = [...pending];
      try {
        await sendInvalidation(siteKeys);
        for (const siteKey of siteKeys) pending.delete(siteKey);
        retryDelay = options.retryDelayMs ?? 100;
      } catch (error) {
        options.onError(error, 'invalidate');
        retryDelay = Math.min(retryDelay * 2, 5000);
      }
      if (pending.size > 0) scheduleRetry();
    }, retryDelay);
    retryTimer.unref();
  }

  return {
    kind: 'redis',
    async load(siteKey, resource, produce) {
      if (pending.has(siteKey)) {
        stats.miss();
        return produce();
      }
      let ticket: string | null;
      try {
        const raw = await redis.hgetBuffer(hashKey(siteKey), resource);
        const hit = raw ? decode(raw, now()) : undefined;
        if (hit) {
          stats.hit();
          return hit;
        }
        ticket = await redis.get(generationKey(siteKey));
      } catch (error) {
        options.onError(error, 'read');
        stats.miss();
        return produce();
      }
      stats.miss();
      const answer = await produce();
      if (!answer) return answer;
      try {
        const expiresAt = now() + options.ttlSeconds * 1000;
        await redis.eval(
          putIfCurrentScript,
          2,
          generationKey(siteKey),
          hashKey(siteKey),
          ticket ?? '',
          resource,
          encode(answer, expiresAt),
          options.ttlSeconds,
        );
      } catch (error) {
        options.onError(error, 'write');
      }
      return answer;
    },
    async invalidate(siteKeys) {
      if (siteKeys.length === 0) return;
      try {
        await sendInvalidation(siteKeys);
      } catch (error) {
        options.onError(error, 'invalidate');
        for (const siteKey of siteKeys) pending.add(siteKey);
        scheduleRetry();
      }
    },
    pendingInvalidations: () => [...pending],
    close() {
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
