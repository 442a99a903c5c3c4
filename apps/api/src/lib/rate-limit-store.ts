import type { Redis } from 'ioredis';

/** The store contract of @fastify/rate-limit (callback style, one instance per route via `child`). */
export interface RateLimitStore {
  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
    max: number,
  ): void;
  child(routeOptions: { method: string | string[]; url: string }): RateLimitStore;
  /**
   * Synchronous access to the same counters, present when this store counts in process (not in
   * Redis): for requests answered before Fastify (the public fast path, see app.ts).
   */
  local?: LocalCounter;
}

/** The counters of a store that counts in process; keys as the plugin's (`ip:…`). */
export interface LocalCounter {
  /**
   * Counts one request of `key` unless it already made `max` in its window, and returns that window
   * (the store's own object: read it at once); undefined, counting nothing, when it is full.
   */
  incrementBelow(key: string, windowMs: number, max: number): CountWindow | undefined;
}

export interface CountWindow {
  count: number;
  /** When the window ends (ms since the epoch). */
  expiresAt: number;
}

// INCR and PEXPIRE in one step, or a crash between them leaves a counter that never resets.
const incrementScript = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {current, ttl}
`;

/** Strings derived from others, kept for the next time (forgotten all at once past 10,000). */
export class StringCache {
  private readonly known = new Map<string, string>();

  constructor(private readonly derive: (from: string) => string) {}

  of(from: string): string {
    let derived = this.known.get(from);
    if (derived === undefined) {
      if (this.known.size >= 10_000) this.known.clear();
      derived = this.derive(from);
      this.known.set(from, derived);
    }
    return derived;
  }
}

/** Fixed windows in process memory, swept when they grow large. */
class MemoryWindows {
  private readonly windows = new Map<string, CountWindow>();

  increment(key: string, windowMs: number): { current: number; ttl: number } {
    const now = Date.now();
    const entry = this.live(key, windowMs, now);
    entry.count += 1;
    return { current: entry.count, ttl: entry.expiresAt - now };
  }

  incrementBelow(key: string, windowMs: number, max: number): CountWindow | undefined {
    const entry = this.live(key, windowMs, Date.now());
    if (entry.count >= max) return undefined;
    entry.count += 1;
    return entry;
  }

  /** The key's window, a new one if it has none or its window ended. */
  private live(key: string, windowMs: number, now: number): CountWindow {
    let entry = this.windows.get(key);
    if (entry && entry.expiresAt > now) return entry;
    if (this.windows.size > 50_000) {
      for (const [k, old] of this.windows) if (old.expiresAt <= now) this.windows.delete(k);
    }
    entry = { count: 0, expiresAt: now + windowMs };
    this.windows.set(key, entry);
    return entry;
  }
}

export interface RateLimitStoreOptions {
  /** Shared counters for every instance; undefined counts in process only. */
  redis?: Redis | undefined;
  /** Prefix of every Redis key (`swigs:ratelimit:`). */
  prefix: string;
  /** Called when Redis fails; the request is then counted in process instead of refused or let through unlimited. */
  onRedisError(error: unknown): void;
  /**
   * Count the global limit (the root store) in Redis too. Off by default: it would cost a Redis
   * round trip on every request, cached public reads included; per instance, the global limit is
   * N times looser behind N instances, which is fine for a flood guard. Route tiers (login,
   * strict) are always shared.
   */
  shareGlobal?: boolean;
}

/**
 * Counters in Redis, so that every instance behind the load balancer sees the same counts; in
 * process memory when there is no Redis, and as a fallback while Redis is unreachable, so that
 * limits keep holding per instance and the API keeps answering. `child` makes the store of one
 * route (a tier).
 */
export function createRateLimitStore(options: RateLimitStoreOptions, scope = 'global:'): RateLimitStore {
  const memory = new MemoryWindows();
  const redis = scope === 'global:' && !options.shareGlobal ? undefined : options.redis;
  const fullKeyOf = (key: string) => `${options.prefix}${scope}${key}`;
  // The same clients come back: their full keys are kept rather than rebuilt (and rehashed) each time.
  const knownKeys = new StringCache(fullKeyOf);
  const local: LocalCounter | undefined = redis
    ? undefined
    : {
        incrementBelow: (key, windowMs, max) => memory.incrementBelow(knownKeys.of(key), windowMs, max),
      };
  return {
    local,
    incr(key, callback, timeWindow) {
      const fullKey = fullKeyOf(key);
      if (!redis) {
        callback(null, memory.increment(fullKey, timeWindow));
        return;
      }
      redis.eval(incrementScript, 1, fullKey, timeWindow).then(
        (result) => {
          const [current, ttl] = result as [number, number];
          callback(null, { current, ttl });
        },
        (error: unknown) => {
          options.onRedisError(error);
          callback(null, memory.increment(fullKey, timeWindow));
        },
      );
    },
    child(routeOptions) {
      const method = [routeOptions.method].flat().join(',');
      return createRateLimitStore(options, `${method}${routeOptions.url}:`);
    },
  };
}
